using System.Globalization;

namespace Search.Evaluation.Qrels;

/// <summary>Reads TREC qrels: <c>qid iteration docid grade</c>, whitespace-separated; the iteration column is ignored.</summary>
public static class QrelsReader
{
    /// <summary>Reads <paramref name="path"/>; a line with another column count or a non-integer grade is an error.</summary>
    public static ReadResult<QrelSet> Read(string path)
    {
        using var reader = File.OpenText(path);
        return Read(reader, path);
    }

    /// <summary>
    /// Reads qrels from <paramref name="reader"/> (an upload, say); errors name <paramref name="source"/> as their path.
    /// <paramref name="check"/>, when given, may reject a well-formed judgment by returning the reason (a grade out of a
    /// scale, say); the line is then reported like a malformed one.
    /// </summary>
    public static ReadResult<QrelSet> Read(TextReader reader, string source, Func<Qrel, string?>? check = null)
    {
        var qrels = new List<Qrel>();
        var errors = new List<LineError>();
        foreach (var (number, line) in TextLines.Read(reader))
        {
            var columns = TextLines.Columns(line);
            if (columns.Length != 4)
            {
                errors.Add(new LineError(source, number, $"expected 4 columns (qid iter docid grade), found {columns.Length}"));
            }
            else if (!int.TryParse(columns[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var grade))
            {
                errors.Add(new LineError(source, number, $"grade \"{columns[3]}\" is not an integer"));
            }
            else if (new Qrel(columns[0], columns[2], grade) is var qrel && check?.Invoke(qrel) is { } reason)
            {
                errors.Add(new LineError(source, number, reason));
            }
            else
            {
                qrels.Add(qrel);
            }
        }

        return new ReadResult<QrelSet>(new QrelSet(qrels), errors);
    }
}
