using BenchmarkDotNet.Attributes;
using Lucene.Net.Index;
using Search.Core.Analysis;
using Search.Core.Storage;
using Search.Querying.Spelling;

namespace Search.Benchmarks;

/// <summary>The phrase corrector (#18) on what a search box is asked, against the analysis every correction starts with.</summary>
/// <remarks>
/// The queries are the first one to three words of 200 headlines drawn with a fixed seed, as <c>bench-searchbox</c>
/// draws them: typed right, so nearly all of them are left alone, which is what a search mostly costs. The language
/// model is built once, as a server builds it per index reader.
/// </remarks>
[MemoryDiagnoser]
public class PhraseCorrectorBenchmarks
{
    private readonly PhraseCorrector _corrector = new(SpellingAnalysis.Words);
    private LanguageModel _model = null!;
    private string[] _queries = [];

    [GlobalSetup]
    public void Setup()
    {
        using (var reader = DirectoryReader.Open(new MappedDirectory(new DirectoryInfo(BenchmarkData.IndexGeneration))))
        {
            _model = LanguageModelBuilder.Build(reader, SpellingAnalysis.Words);
        }

        var random = new Random(42);
        var titled = BenchmarkData.Articles.Where(a => !string.IsNullOrWhiteSpace(a.Title)).ToList();
        _queries = [.. Enumerable.Range(0, 200).Select(_ =>
        {
            var words = titled[random.Next(titled.Count)].Title!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return string.Join(' ', words.Take(1 + random.Next(3)));
        })];
    }

    /// <summary>The floor: each query through the words chain, the corrector's first step.</summary>
    [Benchmark(Baseline = true)]
    public int Words()
    {
        var total = 0;
        foreach (var query in _queries)
        {
            total += TokenInspector.Analyze(SpellingAnalysis.Words, NewsAnalyzerFactory.WordsKey, query).Count;
        }

        return total;
    }

    /// <summary>Each query corrected: candidates one slip away, their counts, the Viterbi pass.</summary>
    [Benchmark]
    public int Corrections()
    {
        var corrected = 0;
        foreach (var query in _queries)
        {
            corrected += _corrector.Correct(query, _model, _ => null) is null ? 0 : 1;
        }

        return corrected;
    }
}
