namespace Search.Api.Contracts.Judging;

/// <summary>A word of the judged query that a name-variants group widens (#18): the word as typed and the other spellings searched with it.</summary>
public sealed record VariantUseResponse(string Word, IReadOnlyList<string> Spellings);
