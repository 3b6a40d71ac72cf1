using Search.Querying;

namespace Search.Api.Contracts;

/// <summary>One hit; <c>snippet</c> is HTML (escaped text, matches in &lt;mark&gt;), every other string is plain text.</summary>
public sealed record SearchHitResponse(
    string Id,
    string? Title,
    string Snippet,
    string? Category,
    string? Source,
    string? Url,
    string? Date,
    float Score)
{
    public static SearchHitResponse From(SearchHit hit) =>
        new(hit.Id, hit.Title, hit.Snippet, hit.Category, hit.Source, hit.Url, hit.Date, hit.Score);
}
