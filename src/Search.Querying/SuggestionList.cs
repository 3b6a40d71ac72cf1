namespace Search.Querying;

/// <summary>The completions of a partial query, most useful first.</summary>
/// <param name="Query">The text as received.</param>
/// <param name="Suggestions">Words first, then phrases, then headlines (phrases first when several words were typed).</param>
public sealed record SuggestionList(string Query, IReadOnlyList<Suggestion> Suggestions);
