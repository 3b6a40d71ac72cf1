namespace Search.Evaluation.Topics;

/// <summary>Reads a topics file: one <c>qid&lt;TAB&gt;text</c> per line (the format of the shared dev sets).</summary>
public static class TopicReader
{
    /// <summary>Reads <paramref name="path"/>; a line without a tab, with an empty id or text, or a repeated id is an error.</summary>
    public static ReadResult<IReadOnlyList<Topic>> Read(string path)
    {
        using var reader = File.OpenText(path);
        return Read(reader, path);
    }

    /// <summary>
    /// Reads topics from <paramref name="reader"/> (an upload, say); errors name <paramref name="source"/> as their path.
    /// <paramref name="check"/>, when given, may reject a well-formed topic by returning the reason (an id a qrels file
    /// could not carry, say); the line is then reported like a malformed one.
    /// </summary>
    public static ReadResult<IReadOnlyList<Topic>> Read(TextReader reader, string source, Func<Topic, string?>? check = null)
    {
        var topics = new List<Topic>();
        var errors = new List<LineError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (number, line) in TextLines.Read(reader))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                errors.Add(new LineError(source, number, "expected <qid><TAB><text>"));
                continue;
            }

            var id = line[..tab].Trim();
            var text = line[(tab + 1)..].Trim();
            if (id.Length == 0)
            {
                errors.Add(new LineError(source, number, "empty query id"));
            }
            else if (text.Length == 0)
            {
                errors.Add(new LineError(source, number, $"query {id} has no text"));
            }
            else if (check?.Invoke(new Topic(id, text)) is { } reason)
            {
                errors.Add(new LineError(source, number, reason));
            }
            else if (!seen.Add(id))
            {
                errors.Add(new LineError(source, number, $"query {id} appears twice"));
            }
            else
            {
                topics.Add(new Topic(id, text));
            }
        }

        return new ReadResult<IReadOnlyList<Topic>>(topics, errors);
    }
}
