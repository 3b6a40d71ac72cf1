using System.Globalization;

namespace Search.Evaluation.Runs;

/// <summary>Reads a TREC run file (six whitespace-separated columns).</summary>
public static class TrecRunReader
{
    /// <summary>
    /// Reads <paramref name="path"/>. A line with another column count, a non-integer rank, a non-numeric score or a
    /// document repeated within a query is an error (trec_eval refuses such a file; here the line is skipped and reported).
    /// </summary>
    /// <param name="path">The run file.</param>
    /// <param name="name">The run's name in reports; null for the tag of its first line, or the file name.</param>
    public static ReadResult<Run> Read(string path, string? name = null)
    {
        var entries = new List<RunEntry>();
        var errors = new List<LineError>();
        var seen = new HashSet<(string, string)>();
        foreach (var (number, line) in TextLines.Read(path))
        {
            var columns = TextLines.Columns(line);
            if (columns.Length != 6)
            {
                errors.Add(new LineError(path, number, $"expected 6 columns (qid Q0 docid rank score tag), found {columns.Length}"));
            }
            else if (!int.TryParse(columns[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rank))
            {
                errors.Add(new LineError(path, number, $"rank \"{columns[3]}\" is not an integer"));
            }
            else if (!double.TryParse(columns[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
                || !double.IsFinite(score))
            {
                errors.Add(new LineError(path, number, $"score \"{columns[4]}\" is not a number"));
            }
            else if (!seen.Add((columns[0], columns[2])))
            {
                errors.Add(new LineError(path, number, $"document {columns[2]} appears twice for query {columns[0]}"));
            }
            else
            {
                entries.Add(new RunEntry(columns[0], columns[2], rank, score, columns[5]));
            }
        }

        name ??= entries.Count > 0 ? entries[0].Tag : Path.GetFileNameWithoutExtension(path);
        return new ReadResult<Run>(new Run(name, entries), errors);
    }
}
