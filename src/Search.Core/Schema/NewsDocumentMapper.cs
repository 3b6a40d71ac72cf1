using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Dedup;

namespace Search.Core.Schema;

/// <summary>The only place that decides how each field is indexed and stored.</summary>
public static class NewsDocumentMapper
{
    /// <summary>The term that identifies a document, for upserts and deletes.</summary>
    public static Term IdTerm(string id) => new(NewsFields.Id, id);

    /// <summary>How the stemmed body is indexed: analyzed and stored, its postings with the offsets of every token.</summary>
    /// <remarks>
    /// #6: a snippet needs where the query's words stand in a hit's body. With offsets in the postings it reads them from
    /// the index (<c>OffsetMatches</c> in Search.Querying) instead of re-analyzing ten bodies per search, which was a fifth
    /// of the API's CPU. The other analyzed fields are only scored, so they keep plain positions.
    /// </remarks>
    public static FieldType BodyType { get; } = CreateBodyType();

    /// <summary>How the fields that are only scored per term are indexed: analyzed, not stored, frequencies without positions.</summary>
    /// <remarks>
    /// #17: positions are written for every token of a field that has them, and only the stemmed title and body are read
    /// by phrases and proximity; the exact, lead and root fields keep frequencies (BM25 reads those and the norms, which
    /// still count every position).
    /// </remarks>
    public static FieldType ScoredType { get; } = CreateScoredType();

    /// <summary>Maps an article to a Lucene document.</summary>
    public static Document ToDocument(NewsArticle article)
    {
        var document = new Document
        {
            new StringField(NewsFields.Id, article.Id, Field.Store.YES),

            // Title and body twice: stemmed (recall) and normalized-only (exact forms rank higher).
            // The stemmed copies are stored: hits show the title and snippets are cut from the body.
            new SharedTextField(NewsFields.Body, article.Body, BodyType),
            new SharedTextField(NewsFields.BodyExact, article.Body, ScoredType),

            // And heavy-stemmed: a recall channel for words the light stemmer leaves apart (#3).
            new SharedTextField(NewsFields.BodyRoot, article.Body, ScoredType),
        };

        // The lead as its own short field: a headline's words in the first sentences weigh more than deep in the body.
        var lead = Lead(article.Body);
        document.Add(new SharedTextField(NewsFields.Lead, lead, ScoredType));
        document.Add(new SharedTextField(NewsFields.LeadExact, lead, ScoredType));

        if (!string.IsNullOrWhiteSpace(article.Title))
        {
            document.Add(new SharedTextField(NewsFields.Title, article.Title, Field.Store.YES));
            document.Add(new SharedTextField(NewsFields.TitleExact, article.Title, ScoredType));

            // Suggestions scan every headline once per segment: a doc-values column reads in milliseconds where stored
            // fields (compressed with the bodies) take seconds (#4). Capped: a headline is short, a binary value may not be huge.
            var headline = article.Title.Length > MaxTitleValueChars ? article.Title[..MaxTitleValueChars] : article.Title;
            document.Add(new BinaryDocValuesField(NewsFields.TitleValue, new BytesRef(headline)));
            document.Add(new BinaryDocValuesField(NewsFields.IdValue, new BytesRef(article.Id)));
        }

        // Copies of one story (#21): the query side shows one hit per story, grouping articles by this signature.
        document.Add(new StorySignatureField(NewsFields.StorySignature, article.Body));

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

            // The month facet (#4): a sorted-set value like the other facets, counted by ordinal.
            var month = publishedAt.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            document.Add(new StringField(NewsFields.Month, month, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(NewsFields.Month, new BytesRef(month)));
        }

        return document;
    }

    /// <summary>The lead of a body: its first paragraphs up to about <see cref="LeadChars"/> characters, cut at a word boundary.</summary>
    /// <remarks>
    /// A first paragraph shorter than a sentence (a dateline such as "أبوظبي - سكاي نيوز عربية") is followed by the next
    /// one; the cut falls at the last space before the limit, so no word is split.
    /// </remarks>
    public static string Lead(string body)
    {
        var text = body.Trim();
        if (text.Length <= LeadChars)
        {
            return text;
        }

        var end = 0;
        while (end < LeadChars)
        {
            var newline = text.IndexOf('\n', end);
            if (newline < 0 || newline > LeadChars)
            {
                break;
            }

            end = newline + 1;
            if (end >= MinLeadChars)
            {
                return text[..newline].Trim();
            }
        }

        var space = text.LastIndexOf(' ', LeadChars);
        return text[..(space > MinLeadChars ? space : LeadChars)].Trim();
    }

    /// <summary>Longest headline kept in <see cref="NewsFields.TitleValue"/>, in characters.</summary>
    public const int MaxTitleValueChars = 1000;

    /// <summary>The longest lead, in characters: about two sentences of news prose.</summary>
    public const int LeadChars = 300;

    private const int MinLeadChars = 80;

    private static FieldType CreateBodyType()
    {
        var type = new FieldType(TextField.TYPE_STORED)
        {
            IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
        };
        type.Freeze();
        return type;
    }

    private static FieldType CreateScoredType()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED)
        {
            IndexOptions = IndexOptions.DOCS_AND_FREQS,
        };
        type.Freeze();
        return type;
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
