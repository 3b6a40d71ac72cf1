using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Search.Core.Schema;

namespace Search.Querying;

/// <summary>Stored fields → <see cref="SearchHit"/> and <see cref="NewsArticle"/>.</summary>
internal static class HitMapper
{
    public static SearchHit ToHit(Document document, float score, Analyzer analyzer, IReadOnlySet<string> highlightTerms)
    {
        return new SearchHit(
            document.Get(NewsFields.Id),
            document.Get(NewsFields.Title) is { Length: > 0 } title ? title : null,
            SnippetBuilder.Build(analyzer, NewsFields.Body, document.Get(NewsFields.Body), highlightTerms),
            document.Get(NewsFields.Category),
            document.Get(NewsFields.Source),
            document.Get(NewsFields.Url),
            document.Get(NewsFields.Date),
            score);
    }

    public static NewsArticle ToArticle(Document document)
    {
        var date = document.Get(NewsFields.Date);
        return new NewsArticle(
            document.Get(NewsFields.Id),
            document.Get(NewsFields.Body) ?? string.Empty,
            document.Get(NewsFields.Title) is { Length: > 0 } title ? title : null,
            document.Get(NewsFields.Category),
            document.Get(NewsFields.Source),
            document.Get(NewsFields.Url),
            date,
            PublicationDate.TryParse(date, out var publishedAt) ? publishedAt : null);
    }
}
