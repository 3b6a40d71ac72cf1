namespace Search.Cli.SearchBox;

/// <summary>Reads the search-box sets of a folder: every <c>*.tsv</c> whose name starts with a known kind, header line first.</summary>
/// <remarks>
/// Analysts extend the sets by adding rows or files (<c>typos.mine.tsv</c> is scored as typos). A row with too few
/// columns, or a name-variants row whose third column is not yes or no, is reported as <c>path:line: reason</c> and left out.
/// </remarks>
internal static class SearchBoxSets
{
    /// <summary>The kinds, in the order the report lists them.</summary>
    public static readonly string[] Kinds = ["typos", "phrases", "correct", "prefixes", "name-variants"];

    /// <summary>The sets under <paramref name="folder"/>, in kind order then by name; bad rows reported on <paramref name="errors"/>.</summary>
    public static List<SearchBoxSet> Read(string folder, TextWriter errors)
    {
        var sets = new List<SearchBoxSet>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.tsv").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var kind = Kinds.FirstOrDefault(k => name == k || name.StartsWith(k + ".", StringComparison.Ordinal));
            if (kind is null)
            {
                continue;
            }

            var rows = new List<SearchBoxRow>();
            var line = 0;
            foreach (var text in File.ReadLines(path))
            {
                line++;
                if (line == 1 || text.Trim().Length == 0)
                {
                    continue;
                }

                var columns = text.Split('\t').Select(c => c.Trim()).ToList();
                var wanted = kind == "name-variants" ? 3 : 2;
                if (columns.Count < wanted || columns.Take(wanted).Any(c => c.Length == 0))
                {
                    errors.WriteLine($"{path}:{line}: expected {wanted} tab-separated columns");
                }
                else if (kind == "name-variants" && columns[2] is not ("yes" or "no"))
                {
                    errors.WriteLine($"{path}:{line}: the third column must be yes or no, not '{columns[2]}'");
                }
                else
                {
                    rows.Add(new SearchBoxRow(columns, line));
                }
            }

            sets.Add(new SearchBoxSet(name, kind, rows));
        }

        return [.. sets.OrderBy(s => Array.IndexOf(Kinds, s.Kind)).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }
}
