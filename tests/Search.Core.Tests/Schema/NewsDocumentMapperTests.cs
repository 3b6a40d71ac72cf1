using Lucene.Net.Documents;
using Lucene.Net.Index;
using Search.Core.Schema;

namespace Search.Core.Tests.Schema;

public sealed class NewsDocumentMapperTests
{
    private static readonly NewsArticle FullArticle = new(
        Id: "sample-0001",
        Body: "أبقى البنك المركزي أسعار الفائدة دون تغيير.",
        Title: "البنك المركزي يثبّت أسعار الفائدة",
        Category: "economy",
        Source: "sample-wire",
        Url: "https://example.com/sample-wire/2018/economy/sample-0001",
        Date: "2018-02-28T17:23:19+04:00",
        PublishedAt: new DateTimeOffset(2018, 2, 28, 17, 23, 19, TimeSpan.FromHours(4)));

    [Fact]
    public void IndexesTheIdAsOneStoredTerm()
    {
        var document = NewsDocumentMapper.ToDocument(FullArticle);

        var id = Assert.Single(document.GetFields(NewsFields.Id));
        AssertOptions(id, indexed: true, tokenized: false, stored: true);
        Assert.Equal("sample-0001", id.GetStringValue());
    }

    [Fact]
    public void StoresTheStemmedTitleAndBodyButNotTheExactCopies()
    {
        var document = NewsDocumentMapper.ToDocument(FullArticle);

        AssertOptions(Assert.Single(document.GetFields(NewsFields.Title)), indexed: true, tokenized: true, stored: true);
        AssertOptions(Assert.Single(document.GetFields(NewsFields.TitleExact)), indexed: true, tokenized: true, stored: false);
        AssertOptions(Assert.Single(document.GetFields(NewsFields.Body)), indexed: true, tokenized: true, stored: true);
        AssertOptions(Assert.Single(document.GetFields(NewsFields.BodyExact)), indexed: true, tokenized: true, stored: false);
        Assert.Equal(FullArticle.Title, document.Get(NewsFields.Title));
        Assert.Equal(FullArticle.Body, document.Get(NewsFields.Body));
    }

    [Theory]
    [InlineData(NewsFields.Category, "economy")]
    [InlineData(NewsFields.Source, "sample-wire")]
    public void IndexesFacetsAsOneTermWithSortedSetDocValues(string field, string value)
    {
        var document = NewsDocumentMapper.ToDocument(FullArticle);

        var fields = document.GetFields(field);
        Assert.Equal(2, fields.Length);
        var term = Assert.Single(fields, f => f.IndexableFieldType.IsIndexed);
        AssertOptions(term, indexed: true, tokenized: false, stored: true);
        Assert.Equal(value, term.GetStringValue());
        var docValues = Assert.Single(fields, f => f.IndexableFieldType.DocValueType == DocValuesType.SORTED_SET);
        Assert.False(docValues.IndexableFieldType.IsStored);
        Assert.Equal(value, docValues.GetBinaryValue().Utf8ToString());
    }

    [Theory]
    [InlineData("2018-02-28T17:23:19+04:00", "2018-02")]
    [InlineData("2018-03-01T01:00:00+04:00", "2018-02")] // still February in UTC
    [InlineData("2018-12-31T23:30:00Z", "2018-12")]
    public void IndexesThePublicationMonthInUtcAsAFacet(string date, string month)
    {
        Assert.True(PublicationDate.TryParse(date, out var publishedAt));
        var document = NewsDocumentMapper.ToDocument(FullArticle with { Date = date, PublishedAt = publishedAt });

        var fields = document.GetFields(NewsFields.Month);
        var term = Assert.Single(fields, f => f.IndexableFieldType.IsIndexed);
        AssertOptions(term, indexed: true, tokenized: false, stored: false);
        Assert.Equal(month, term.GetStringValue());
        var docValues = Assert.Single(fields, f => f.IndexableFieldType.DocValueType == DocValuesType.SORTED_SET);
        Assert.Equal(month, docValues.GetBinaryValue().Utf8ToString());
    }

    [Fact]
    public void LeavesTheMonthOutWithoutADate()
    {
        var document = NewsDocumentMapper.ToDocument(FullArticle with { Date = null, PublishedAt = null });

        Assert.Empty(document.GetFields(NewsFields.Month));
    }

    [Fact]
    public void StoresUrlAndDateWithoutIndexingThem()
    {
        var document = NewsDocumentMapper.ToDocument(FullArticle);

        AssertStoredOnly(Assert.Single(document.GetFields(NewsFields.Url)));
        AssertStoredOnly(Assert.Single(document.GetFields(NewsFields.Date)));
        Assert.Equal(FullArticle.Url, document.Get(NewsFields.Url));
        Assert.Equal("2018-02-28T17:23:19+04:00", document.Get(NewsFields.Date)); // as written, offset kept
    }

    [Fact]
    public void IndexesThePublicationInstantAsUtcMillisForRangesAndSorting()
    {
        var document = NewsDocumentMapper.ToDocument(FullArticle);

        var fields = document.GetFields(NewsFields.DateMillis);
        Assert.Equal(2, fields.Length);
        var numeric = Assert.IsType<Int64Field>(Assert.Single(fields, f => f.IndexableFieldType.IsIndexed));
        Assert.False(numeric.FieldType.IsStored);
        Assert.Equal(NumericType.INT64, numeric.FieldType.NumericType);
        Assert.Equal(1519824199000, numeric.GetInt64Value()); // 2018-02-28T13:23:19Z
        var docValues = Assert.Single(fields, f => f.IndexableFieldType.DocValueType == DocValuesType.NUMERIC);
        Assert.Equal(1519824199000, docValues.GetInt64Value());
    }

    [Fact]
    public void AddsNoFieldForAbsentOptionalValues()
    {
        var article = new NewsArticle(Id: "page-001", Body: "نص الخبر");

        var document = NewsDocumentMapper.ToDocument(article);

        Assert.Empty(document.GetFields(NewsFields.Category));
        Assert.Empty(document.GetFields(NewsFields.Source));
        Assert.Empty(document.GetFields(NewsFields.Url));
        Assert.Empty(document.GetFields(NewsFields.Date));
        Assert.Empty(document.GetFields(NewsFields.DateMillis));
    }

    [Fact]
    public void AddsNoFacetForABlankCategoryOrSource()
    {
        var article = new NewsArticle(Id: "page-002", Body: "نص الخبر", Category: "  ", Source: "");

        var document = NewsDocumentMapper.ToDocument(article);

        Assert.Empty(document.GetFields(NewsFields.Category));
        Assert.Empty(document.GetFields(NewsFields.Source));
    }

    [Fact]
    public void AddsNoTitleFieldsForAnAbsentTitle()
    {
        var article = new NewsArticle(Id: "page-003", Body: "نص الخبر", Title: "  ");

        var document = NewsDocumentMapper.ToDocument(article);

        Assert.Null(document.Get(NewsFields.Title));
        Assert.Empty(document.GetFields(NewsFields.TitleExact));
    }

    [Fact]
    public void TrimsExactValues()
    {
        var article = new NewsArticle(Id: "a", Body: "نص", Category: "  sport ", Source: "wire ");

        var document = NewsDocumentMapper.ToDocument(article);

        Assert.Equal("sport", document.Get(NewsFields.Category));
        Assert.Equal("wire", document.Get(NewsFields.Source));
    }

    [Fact]
    public void KeepsADateItCouldNotParseForDisplayOnly()
    {
        var article = new NewsArticle(Id: "page-004", Body: "نص الخبر", Date: "أمس");

        var document = NewsDocumentMapper.ToDocument(article);

        Assert.Equal("أمس", document.Get(NewsFields.Date));
        Assert.Empty(document.GetFields(NewsFields.DateMillis));
    }

    [Fact]
    public void IdTermIsTheIdFieldWithTheRawId()
    {
        var term = NewsDocumentMapper.IdTerm("page-001");

        Assert.Equal(NewsFields.Id, term.Field);
        Assert.Equal("page-001", term.Text);
    }

    // Tokenization means nothing for a field that is not indexed (StoredField reports true), so it is not checked.
    private static void AssertStoredOnly(IIndexableField field)
    {
        Assert.Equal(
            (field.Name, false, true, DocValuesType.NONE),
            (field.Name, field.IndexableFieldType.IsIndexed, field.IndexableFieldType.IsStored, field.IndexableFieldType.DocValueType));
    }

    private static void AssertOptions(IIndexableField field, bool indexed, bool tokenized, bool stored)
    {
        Assert.Equal(
            (field.Name, indexed, tokenized, stored),
            (field.Name, field.IndexableFieldType.IsIndexed, field.IndexableFieldType.IsTokenized, field.IndexableFieldType.IsStored));
    }
}
