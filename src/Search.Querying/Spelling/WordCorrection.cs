namespace Search.Querying.Spelling;

/// <summary>One word a <see cref="PhraseCorrection"/> replaces.</summary>
/// <param name="Typed">The word as typed.</param>
/// <param name="Corrected">The word meant, normalized.</param>
/// <param name="Slip">The slip from one to the other.</param>
internal sealed record WordCorrection(string Typed, string Corrected, SlipKind Slip);
