namespace Search.Querying.Variants;

/// <summary>A line of a variants file that was not used, and why; reported like a compiler (<c>path:line: message</c>).</summary>
/// <param name="Path">The file, as given.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record VariantFileError(string Path, int Line, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}:{Line}: {Message}";
}
