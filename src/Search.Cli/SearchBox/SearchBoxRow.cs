namespace Search.Cli.SearchBox;

/// <summary>One case of a search-box set.</summary>
/// <param name="Columns">Its tab-separated columns (at least two).</param>
/// <param name="Line">1-based line of the file.</param>
internal sealed record SearchBoxRow(IReadOnlyList<string> Columns, int Line)
{
    /// <summary>The first column: what is typed (or, for name variants, one spelling).</summary>
    public string Typed => Columns[0];

    /// <summary>The second column: what is expected (or the other spelling).</summary>
    public string Expected => Columns[1];
}
