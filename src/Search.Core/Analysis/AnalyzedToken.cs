namespace Search.Core.Analysis;

/// <summary>One token as an analyzed field sees it.</summary>
/// <param name="Term">The indexed term.</param>
/// <param name="Position">0-based position (gaps where stop words were removed).</param>
/// <param name="StartOffset">Start of the source text it came from (UTF-16 index).</param>
/// <param name="EndOffset">End (exclusive) of the source text it came from.</param>
public sealed record AnalyzedToken(string Term, int Position, int StartOffset, int EndOffset);
