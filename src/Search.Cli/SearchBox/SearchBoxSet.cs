namespace Search.Cli.SearchBox;

/// <summary>One TSV file of search-box cases: its kind (from the file name: <c>typos.dev.tsv</c> is of kind <c>typos</c>) and rows.</summary>
/// <param name="Name">The file name without <c>.tsv</c>.</param>
/// <param name="Kind">typos, phrases, correct, prefixes or name-variants.</param>
/// <param name="Rows">The rows after the header, each with its columns and 1-based line.</param>
internal sealed record SearchBoxSet(string Name, string Kind, IReadOnlyList<SearchBoxRow> Rows);
