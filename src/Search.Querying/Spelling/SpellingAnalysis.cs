using Lucene.Net.Analysis;
using Search.Core.Analysis;

namespace Search.Querying.Spelling;

/// <summary>The analyzer the language model is built and queried with: the <c>news</c> chain's words (<see cref="NewsAnalyzerFactory.WordsKey"/>), whatever the ranking profile.</summary>
internal static class SpellingAnalysis
{
    /// <summary>A <c>news</c> analyzer, read through <see cref="NewsAnalyzerFactory.WordsKey"/>. Thread-safe.</summary>
    public static Analyzer Words { get; } = NewsAnalyzerFactory.Create();
}
