namespace Search.Querying;

/// <summary>One completion of the text typed in the search box.</summary>
/// <param name="Text">What to show and search: real spellings as they occur in articles (the most frequent one), not normalized terms.</param>
/// <param name="Kind">What was completed.</param>
/// <param name="Id">The article id, for <see cref="SuggestionKind.Title"/>; else null.</param>
public sealed record Suggestion(string Text, SuggestionKind Kind, string? Id = null);
