namespace Search.Evaluation;

/// <summary>Reads a UTF-8 text file as numbered lines, skipping blank lines (a trailing newline is not an error).</summary>
internal static class TextLines
{
    public static IEnumerable<(int Number, string Text)> Read(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
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
