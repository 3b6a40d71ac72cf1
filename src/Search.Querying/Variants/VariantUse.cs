namespace Search.Querying.Variants;

/// <summary>A word of a query that a variants group widens: the word as typed and the other spellings searched with it.</summary>
/// <param name="Word">The word as typed.</param>
/// <param name="Spellings">The other spellings searched with it.</param>
public sealed record VariantUse(string Word, IReadOnlyList<string> Spellings);
