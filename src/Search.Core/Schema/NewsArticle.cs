namespace Search.Core.Schema;

/// <summary>One news article as the service knows it, whatever file it came from.</summary>
/// <param name="Id">Unique, stable key.</param>
/// <param name="Body">Article text; paragraphs separated by newlines.</param>
/// <param name="Title">Headline, when the source has one.</param>
/// <param name="Category">Category as the source names it (exact value).</param>
/// <param name="Source">Site or outlet (exact value).</param>
/// <param name="Url">Original URL.</param>
/// <param name="Date">Publication date as written in the source (ISO 8601), for display.</param>
/// <param name="PublishedAt">The same date as an instant; date-only values are midnight UTC.</param>
public sealed record NewsArticle(
    string Id,
    string Body,
    string? Title = null,
    string? Category = null,
    string? Source = null,
    string? Url = null,
    string? Date = null,
    DateTimeOffset? PublishedAt = null);
