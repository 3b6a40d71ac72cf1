namespace Search.Evaluation.Reports;

/// <summary>Writes rows as an aligned plain-text table or a Markdown table (for reports that go into README files).</summary>
public static class TextTable
{
    /// <summary>Writes <paramref name="header"/> and <paramref name="rows"/>, each row as long as the header.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, bool markdown)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        string Line(IReadOnlyList<string> cells) => markdown
            ? "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |"
            : string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        writer.WriteLine(Line(header));
        writer.WriteLine(markdown
            ? "|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|"
            : string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            writer.WriteLine(Line(row));
        }
    }
}
