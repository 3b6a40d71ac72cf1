namespace Search.Querying;

/// <summary>The three outcomes of parsing a query text.</summary>
public enum ParsedQueryKind
{
    /// <summary>Words or phrases to match (possibly with exclusions).</summary>
    Terms,

    /// <summary>Blank text, or exclusions only: every article (minus the excluded), for browsing "latest in category".</summary>
    All,

    /// <summary>Text that analyzes to nothing (only stop words or punctuation): no results, not an error.</summary>
    Nothing,
}
