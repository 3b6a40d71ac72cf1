using Search.Core.Analysis;

namespace Search.Querying;

/// <summary>The tokens one analyzed field makes of a text.</summary>
public sealed record FieldTokens(string Field, IReadOnlyList<AnalyzedToken> Tokens);
