using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Schema;

/// <summary>The only place that decides how each field is indexed and stored.</summary>
public static class NewsDocumentMapper
{
    /// <summary>The term that identifies a document, for upserts and deletes.</summary>
    public static Term IdTerm(string id) => new(NewsFields.Id, id);

    /// <summary>Maps an article to a Lucene document.</summary>
    public static Document ToDocument(NewsArticle article)
    {
        var document = new Document
        {
            new StringField(NewsFields.Id, article.Id, Field.Store.YES),

            // Title and body twice: stemmed (recall) and normalized-only (exact forms rank higher).
            // The stemmed copies are stored: hits show the title and snippets are cut from the body.
            new TextField(NewsFields.Body, article.Body, Field.Store.YES),
            new TextField(NewsFields.BodyExact, article.Body, Field.Store.NO),
        };

        if (!string.IsNullOrWhiteSpace(article.Title))
        {
            document.Add(new TextField(NewsFields.Title, article.Title, Field.Store.YES));
            document.Add(new TextField(NewsFields.TitleExact, article.Title, Field.Store.NO));
        }

        AddFacet(document, NewsFields.Category, article.Category);
        AddFacet(document, NewsFields.Source, article.Source);

        if (!string.IsNullOrEmpty(article.Url))
        {
            document.Add(new StoredField(NewsFields.Url, article.Url));
        }

        if (!string.IsNullOrEmpty(article.Date))
        {
            document.Add(new StoredField(NewsFields.Date, article.Date));
        }

        if (article.PublishedAt is { } publishedAt)
        {
            var millis = publishedAt.ToUnixTimeMilliseconds();
            document.Add(new Int64Field(NewsFields.DateMillis, millis, Field.Store.NO));
            document.Add(new NumericDocValuesField(NewsFields.DateMillis, millis));
        }

        return document;
    }

    // An exact value: indexed as one term (filters), stored (shown), and in sorted doc values (counts).
    private static void AddFacet(Document document, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var exact = value.Trim();
        document.Add(new StringField(field, exact, Field.Store.YES));
        document.Add(new SortedSetDocValuesField(field, new BytesRef(exact)));
    }
}
