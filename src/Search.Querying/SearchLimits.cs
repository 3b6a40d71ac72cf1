namespace Search.Querying;

/// <summary>The limits every search obeys, shared by the API's validation, the CLI and the parser.</summary>
public static class SearchLimits
{
    /// <summary>Longest accepted query text, in UTF-16 chars.</summary>
    public const int MaxQueryLength = 1000;

    /// <summary>Most words and phrases (excluded ones included) in one query; keeps the clause count far below BooleanQuery.MaxClauseCount.</summary>
    public const int MaxQueryElements = 32;

    /// <summary>Largest page size.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Deepest reachable hit: page × size may not exceed it (deep paging costs memory per request).</summary>
    public const int MaxResultWindow = 10_000;

    /// <summary>Most values of one facet filter (<c>category</c>, <c>source</c>, <c>month</c>) in one request.</summary>
    public const int MaxFacetValues = 50;

    /// <summary>Longest recency half-life, in days (a century: beyond it the boost is flat anyway).</summary>
    public const double MaxRecencyHalfLifeDays = 36_500;

    /// <summary>Longest partial text accepted by suggestions, in UTF-16 chars.</summary>
    public const int MaxSuggestQueryLength = 200;

    /// <summary>Most suggestions in one answer.</summary>
    public const int MaxSuggestions = 20;

    /// <summary>Longest text accepted by the analyze operation, in UTF-16 chars.</summary>
    public const int MaxAnalyzeLength = 10_000;
}
