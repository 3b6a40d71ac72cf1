using Lucene.Net.Analysis;
using Search.Core.Analysis;
using Search.Core.Schema;

namespace Search.Querying;

/// <summary>Shows what the analysis chain makes of a text in every analyzed field, without an index.</summary>
/// <remarks>Lets hosts offer <c>analyze</c> without touching Lucene types.</remarks>
public static class TextAnalysis
{
    private static readonly Analyzer Analyzer = NewsAnalyzerFactory.Create();

    /// <summary>The tokens of <paramref name="text"/> in each of <see cref="NewsFields.TextFields"/>, in that order.</summary>
    public static IReadOnlyList<FieldTokens> AnalyzeFields(string text)
    {
        if (text.Length > SearchLimits.MaxAnalyzeLength)
        {
            throw new ArgumentException($"The text is longer than {SearchLimits.MaxAnalyzeLength} characters.", nameof(text));
        }

        return NewsFields.TextFields.Select(field => new FieldTokens(field, TokenInspector.Analyze(Analyzer, field, text))).ToList();
    }
}
