namespace Search.Evaluation;

/// <summary>A line of a topics, qrels or run file that could not be read, reported like a compiler: <c>path:line: reason</c>.</summary>
/// <param name="Path">The file path as given.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Reason">What is wrong with the line.</param>
public sealed record LineError(string Path, int Line, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}:{Line}: {Reason}";
}
