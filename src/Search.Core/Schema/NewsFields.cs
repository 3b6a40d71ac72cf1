namespace Search.Core.Schema;

/// <summary>The only place where field names are spelled.</summary>
public static class NewsFields
{
    /// <summary>Unique key; untokenized, stored. Upserts replace by this term.</summary>
    public const string Id = "id";

    /// <summary>Title, normalized and light-stemmed; stored (shown in results).</summary>
    public const string Title = "title";

    /// <summary>Title, normalized only (no stemming), so exact word forms can rank higher; not stored.</summary>
    public const string TitleExact = "title.exact";

    /// <summary>Body, normalized and light-stemmed; stored (snippets are cut from it).</summary>
    public const string Body = "body";

    /// <summary>Body, normalized only (no stemming); not stored.</summary>
    public const string BodyExact = "body.exact";

    /// <summary>Body, heavy-stemmed (<see cref="Analysis.RootStemFilter"/>) where that differs from the light stems: a low-weight recall field; not stored.</summary>
    public const string BodyRoot = "body.root";

    /// <summary>
    /// Not a field of the index: the name under which the analyzer gives a text's heavy stems, all of them, as a query
    /// looks them up; <see cref="BodyRoot"/> indexes only those that are not light stems too (<see cref="Analysis.RootOnlyFilter"/>).
    /// </summary>
    public const string BodyRootForms = "body.root.forms";

    /// <summary>The lead (first sentences of the body, see <see cref="NewsDocumentMapper.Lead"/>), normalized and light-stemmed; not stored.</summary>
    /// <remarks>News is written as an inverted pyramid: the lead restates the headline (#3).</remarks>
    public const string Lead = "lead";

    /// <summary>The lead, normalized only; not stored.</summary>
    public const string LeadExact = "lead.exact";

    /// <summary>Category, exact value: filters and counts (doc values); stored.</summary>
    public const string Category = "category";

    /// <summary>Source (site), exact value: filters and counts (doc values); stored.</summary>
    public const string Source = "source";

    /// <summary>Original article URL; stored only.</summary>
    public const string Url = "url";

    /// <summary>Publication date as given (ISO 8601); stored only, for display.</summary>
    public const string Date = "date";

    /// <summary>Publication instant in Unix milliseconds (UTC): numeric range filter and sort.</summary>
    public const string DateMillis = "date.ms";

    /// <summary>Publication month (UTC) as <c>yyyy-MM</c>, exact value: filters and counts (doc values); not stored.</summary>
    public const string Month = "month";

    /// <summary>The title as written, in binary doc values: suggestions read every headline without loading stored bodies.</summary>
    public const string TitleValue = "title.value";

    /// <summary>The id in binary doc values, beside <see cref="TitleValue"/>, so a headline suggestion can name its article.</summary>
    public const string IdValue = "id.value";

    /// <summary>
    /// The article's <see cref="Dedup.StorySignature"/> (MinHash of body and lead) in binary doc values: the query side
    /// groups copies of one story by it (#21). Empty when the body is too short to tell a story (see <see cref="Dedup.StorySignature.MinWords"/>).
    /// </summary>
    public const string StorySignature = "story.signature";

    /// <summary>The analyzed text fields, each with the analysis it gets.</summary>
    public static IReadOnlyList<string> TextFields { get; } = [Title, TitleExact, Body, BodyExact, BodyRoot, Lead, LeadExact];

    /// <summary>True for a field analyzed with the light stemmer.</summary>
    public static bool IsStemmed(string field) => field is Title or Body or Lead;

    /// <summary>True for the heavy-stemmed recall field, and for the name its query-side forms are analyzed under.</summary>
    public static bool IsRoot(string field) => field is BodyRoot or BodyRootForms;

    /// <summary>True for an analyzed field whose postings keep positions: the ones phrases and proximity read (the stemmed title and body).</summary>
    /// <remarks>#17: the other analyzed fields are only scored per term, so they keep frequencies alone (less to write per token).</remarks>
    public static bool HasPositions(string field) => field is Title or Body;

    /// <summary>True for a field that is normalized but not stemmed.</summary>
    public static bool IsExact(string field) => field is TitleExact or BodyExact or LeadExact;
}
