namespace Search.Api.Contracts;

/// <summary>One token: the indexed term, its 0-based position and its UTF-16 offsets in the text (end exclusive).</summary>
public sealed record TokenResponse(string Term, int Position, int StartOffset, int EndOffset);
