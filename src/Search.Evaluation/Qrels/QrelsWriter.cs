using System.Globalization;

namespace Search.Evaluation.Qrels;

/// <summary>Writes TREC qrels (<c>qid 0 docid grade</c>), by query then document id.</summary>
public static class QrelsWriter
{
    /// <summary>Writes every judgment of <paramref name="qrels"/> to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, QrelSet qrels)
    {
        foreach (var qrel in qrels.All())
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{qrel.QueryId} 0 {qrel.DocId} {qrel.Grade}\n"));
        }
    }
}
