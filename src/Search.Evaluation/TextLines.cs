namespace Search.Evaluation;

/// <summary>Reads UTF-8 text as numbered lines, skipping blank lines (a trailing newline is not an error).</summary>
internal static class TextLines
{
    public static IEnumerable<(int Number, string Text)> Read(string path)
    {
        using var reader = File.OpenText(path);
        foreach (var line in Read(reader))
        {
            yield return line;
        }
    }

    public static IEnumerable<(int Number, string Text)> Read(TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var text = number == 1 ? line.TrimStart('\uFEFF') : line;
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return (number, text);
            }
        }
    }

    public static string[] Columns(string line) =>
        line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
