namespace Search.Api.Contracts;

/// <summary>The tokens one field makes of the text.</summary>
public sealed record AnalyzedFieldResponse(string Field, IReadOnlyList<TokenResponse> Tokens);
