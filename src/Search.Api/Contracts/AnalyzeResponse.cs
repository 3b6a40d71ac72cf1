using Search.Querying;

namespace Search.Api.Contracts;

/// <summary>Body of <c>GET /analyze</c>: the tokens of each analyzed field.</summary>
public sealed record AnalyzeResponse(string Text, IReadOnlyList<AnalyzedFieldResponse> Fields)
{
    public static AnalyzeResponse From(string text, IReadOnlyList<FieldTokens> fields) => new(
        text,
        fields.Select(field => new AnalyzedFieldResponse(
                field.Field,
                field.Tokens.Select(t => new TokenResponse(t.Term, t.Position, t.StartOffset, t.EndOffset)).ToList()))
            .ToList());
}
