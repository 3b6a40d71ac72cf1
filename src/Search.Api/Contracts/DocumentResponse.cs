using Search.Core.Schema;

namespace Search.Api.Contracts;

/// <summary>Body of <c>GET /documents/{id}</c>: the stored article (plain text).</summary>
public sealed record DocumentResponse(
    string Id,
    string? Title,
    string Body,
    string? Category,
    string? Source,
    string? Url,
    string? Date)
{
    public static DocumentResponse From(NewsArticle article) =>
        new(article.Id, article.Title, article.Body, article.Category, article.Source, article.Url, article.Date);
}
