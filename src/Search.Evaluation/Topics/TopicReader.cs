namespace Search.Evaluation.Topics;

/// <summary>Reads a topics file: one <c>qid&lt;TAB&gt;text</c> per line (the format of the shared dev sets).</summary>
public static class TopicReader
{
    /// <summary>Reads <paramref name="path"/>; a line without a tab, with an empty id or text, or a repeated id is an error.</summary>
    public static ReadResult<IReadOnlyList<Topic>> Read(string path)
    {
        var topics = new List<Topic>();
        var errors = new List<LineError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (number, line) in TextLines.Read(path))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                errors.Add(new LineError(path, number, "expected <qid><TAB><text>"));
                continue;
            }

            var id = line[..tab].Trim();
            var text = line[(tab + 1)..].Trim();
            if (id.Length == 0)
            {
                errors.Add(new LineError(path, number, "empty query id"));
            }
            else if (text.Length == 0)
            {
                errors.Add(new LineError(path, number, $"query {id} has no text"));
            }
            else if (!seen.Add(id))
            {
                errors.Add(new LineError(path, number, $"query {id} appears twice"));
            }
            else
            {
                topics.Add(new Topic(id, text));
            }
        }

        return new ReadResult<IReadOnlyList<Topic>>(topics, errors);
    }
}
