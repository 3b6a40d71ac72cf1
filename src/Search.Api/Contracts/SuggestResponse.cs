using Search.Querying;

namespace Search.Api.Contracts;

/// <summary>Body of <c>GET /suggest</c>: completions of the typed text, most useful first.</summary>
public sealed record SuggestResponse(string Query, IReadOnlyList<SuggestionResponse> Suggestions)
{
    public static SuggestResponse From(SuggestionList list) =>
        new(list.Query, list.Suggestions.Select(SuggestionResponse.From).ToList());
}
