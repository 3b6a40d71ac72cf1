using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Search.Core.Schema;

namespace Search.Querying;

/// <summary>Stored fields → <see cref="SearchHit"/> and <see cref="NewsArticle"/>.</summary>
internal static class HitMapper
{
    public static SearchHit ToHit(
        Document document, float score, Analyzer analyzer, HighlightPlan highlight, (string Field, List<SnippetBuilder.Match> Matches)? indexedBody)
    {
        var title = document.Get(NewsFields.Title) is { Length: > 0 } text ? text : null;
        return new SearchHit(
            document.Get(NewsFields.Id),
            title,
            SnippetBuilder.Build(analyzer, document.Get(NewsFields.Body), highlight.Body, indexedBody),
            document.Get(NewsFields.Category),
            document.Get(NewsFields.Source),
            document.Get(NewsFields.Url),
            document.Get(NewsFields.Date),
            score)
        {
            TitleHighlighted = title is null ? null : SnippetBuilder.HighlightAll(analyzer, title, highlight.Title),
        };
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
