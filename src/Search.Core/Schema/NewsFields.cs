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

    /// <summary>The analyzed text fields, each with the analysis it gets.</summary>
    public static IReadOnlyList<string> TextFields { get; } = [Title, TitleExact, Body, BodyExact];

    /// <summary>True for a field analyzed with the light stemmer.</summary>
    public static bool IsStemmed(string field) => field is Title or Body;

    /// <summary>True for a field that is normalized but not stemmed.</summary>
    public static bool IsExact(string field) => field is TitleExact or BodyExact;
}
