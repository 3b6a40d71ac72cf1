using Search.Querying;

namespace Search.Api.Contracts;

/// <summary>
/// One hit; <c>snippet</c> and <c>titleHighlighted</c> are HTML (escaped text, matches in &lt;mark&gt;), every other
/// string is plain text. Arabic text keeps its logical order and carries no direction marks: show it in a
/// <c>dir="rtl"</c> element and Latin words and digits inside it read as in the article. When the page is collapsed,
/// <c>copyCount</c> is how many other articles carry the same story and <c>copies</c> lists them (newest first, at most
/// 20): where else it ran.
/// </summary>
public sealed record SearchHitResponse(
    string Id,
    string? Title,
    string? TitleHighlighted,
    string Snippet,
    string? Category,
    string? Source,
    string? Url,
    string? Date,
    float Score,
    int CopyCount,
    IReadOnlyList<StoryCopyResponse> Copies)
{
    public static SearchHitResponse From(SearchHit hit) =>
        new(hit.Id, hit.Title, hit.TitleHighlighted, hit.Snippet, hit.Category, hit.Source, hit.Url, hit.Date, hit.Score,
            hit.CopyCount, hit.Copies.Select(StoryCopyResponse.From).ToList());
}
