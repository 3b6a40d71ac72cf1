namespace Search.Querying.Spelling;

/// <summary>What <see cref="PhraseCorrector"/> proposes for a query: its text with each corrected word replaced.</summary>
/// <param name="Text">The query text, corrected words replaced by their display spelling, the rest as typed.</param>
/// <param name="Words">Each replaced word: as typed and as corrected (normalized), with the slip assumed.</param>
/// <param name="Confidence">How many times likelier the corrected words are than the typed ones (above 1).</param>
internal sealed record PhraseCorrection(string Text, IReadOnlyList<WordCorrection> Words, double Confidence);
