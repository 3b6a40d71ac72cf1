using System.Globalization;

namespace Search.Evaluation.Qrels;

/// <summary>Reads TREC qrels: <c>qid iteration docid grade</c>, whitespace-separated; the iteration column is ignored.</summary>
public static class QrelsReader
{
    /// <summary>Reads <paramref name="path"/>; a line with another column count or a non-integer grade is an error.</summary>
    public static ReadResult<QrelSet> Read(string path)
    {
        var qrels = new List<Qrel>();
        var errors = new List<LineError>();
        foreach (var (number, line) in TextLines.Read(path))
        {
            var columns = TextLines.Columns(line);
            if (columns.Length != 4)
            {
                errors.Add(new LineError(path, number, $"expected 4 columns (qid iter docid grade), found {columns.Length}"));
            }
            else if (!int.TryParse(columns[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var grade))
            {
                errors.Add(new LineError(path, number, $"grade \"{columns[3]}\" is not an integer"));
            }
            else
            {
                qrels.Add(new Qrel(columns[0], columns[2], grade));
            }
        }

        return new ReadResult<QrelSet>(new QrelSet(qrels), errors);
    }
}
