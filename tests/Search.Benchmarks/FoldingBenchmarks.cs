using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis.CharFilters;
using Search.Core.Analysis;

namespace Search.Benchmarks;

/// <summary>The Arabic folding char filter (hamza and alef forms, teh marbuta, alef maqsura, digits ...) over article bodies.</summary>
/// <remarks>
/// <see cref="FoldingMap"/> replaced Lucene.Net's <see cref="MappingCharFilter"/> with the same rules and the same output
/// and offsets (#6); this is the ratio between the two, measured in the same run.
/// </remarks>
[MemoryDiagnoser]
public class FoldingBenchmarks
{
    private const int Bodies = 200;
    private readonly FoldingMap _map = ArabicFolding.For(AnalysisProfile.News);
    private NormalizeCharMap _charMap = null!;
    private string[] _bodies = [];
    private char[] _buffer = [];

    [GlobalSetup]
    public void Setup()
    {
        _charMap = _map.ToNormalizeCharMap();
        _bodies = [.. BenchmarkData.Articles.Take(Bodies).Select(article => article.Body)];
        _buffer = new char[4096];
    }

    /// <summary>Lucene.Net's mapping char filter with the same rules.</summary>
    [Benchmark(Baseline = true)]
    public long MappingCharFilter()
    {
        long read = 0;
        foreach (var body in _bodies)
        {
            using var filter = new MappingCharFilter(_charMap, new StringReader(body));
            read += Drain(filter);
        }

        return read;
    }

    /// <summary>The project's folding filter, as the analysis chain runs it.</summary>
    [Benchmark]
    public long FoldingMap()
    {
        long read = 0;
        foreach (var body in _bodies)
        {
            using var filter = _map.Filter(new StringReader(body));
            read += Drain(filter);
        }

        return read;
    }

    private long Drain(TextReader reader)
    {
        long total = 0;
        int read;
        while ((read = reader.Read(_buffer, 0, _buffer.Length)) > 0)
        {
            total += read;
        }

        return total;
    }
}
