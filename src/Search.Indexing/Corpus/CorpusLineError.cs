using System.Globalization;

namespace Search.Indexing.Corpus;

/// <summary>A record or file that was rejected, reported like a compiler: <c>path:line: reason</c>.</summary>
/// <remarks>
/// <see cref="CorpusItem.Line"/> is 1-based. It is 0 only for a problem found before any content was read (the file
/// does not exist, cannot be opened, or has an unsupported extension); <see cref="ToString"/> then prints
/// <c>path: reason</c>, without a line, as compilers do for whole-file errors. Problems with the content
/// (empty file, binary, invalid UTF-8, a truncated gzip stream) carry the line where they were found, 1 at the least.
/// </remarks>
/// <param name="Path">The file, as the user gave it.</param>
/// <param name="Line">1-based line, or 0 for a whole-file problem.</param>
/// <param name="Reason">What is wrong, in a few words, e.g. <c>missing "id"</c>.</param>
public sealed record CorpusLineError(string Path, int Line, string Reason) : CorpusItem(Path, Line)
{
    /// <summary>The report line: <c>path:line: reason</c>, or <c>path: reason</c> when <see cref="CorpusItem.Line"/> is 0.</summary>
    public override string ToString() => Line > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Path}:{Line}: {Reason}")
        : $"{Path}: {Reason}";
}
