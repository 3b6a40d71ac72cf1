namespace Search.Querying.Variants;

/// <summary>One line of a variants file: spellings of one name, all searched when any is.</summary>
/// <param name="Spellings">The spellings as written in the file (at least two, distinct once normalized).</param>
/// <param name="Line">The 1-based line of the file, for messages.</param>
/// <param name="Note">The comment after <c>#</c> on the line, if any (mined groups carry their evidence there).</param>
public sealed record VariantGroup(IReadOnlyList<string> Spellings, int Line, string? Note = null);
