using BenchmarkDotNet.Attributes;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Schema;
using Search.Core.Storage;
using Search.Querying;

namespace Search.Benchmarks;

/// <summary>Did-you-mean: the correction of a misspelled word, against the term lookup every search makes of it.</summary>
/// <remarks>
/// The words are among the index's thousand most frequent words of 4 Arabic letters or more, each with one edit (two
/// for a third of them): a letter replaced, dropped or swapped with the next. A word is kept only when the result is rare (under <see cref="SpellingCorrector.RareDocFreq"/> articles), so each one takes the
/// did-you-mean path. Seeded, so every run asks the same words.
/// </remarks>
[MemoryDiagnoser]
public class SpellingBenchmarks
{
    private const int Words = 100;
    private DirectoryReader _reader = null!;
    private string[] _misspelled = [];

    [GlobalSetup]
    public void Setup()
    {
        _reader = DirectoryReader.Open(new MappedDirectory(new DirectoryInfo(BenchmarkData.IndexGeneration)));
        _misspelled = Misspell(_reader, Words);
    }

    [GlobalCleanup]
    public void Cleanup() => _reader.Dispose();

    /// <summary>The floor: each word's document frequency in <c>body.exact</c>, the check that finds it rare.</summary>
    [Benchmark(Baseline = true)]
    public int DocFreq()
    {
        var total = 0;
        foreach (var word in _misspelled)
        {
            total += _reader.DocFreq(new Term(NewsFields.BodyExact, word));
        }

        return total;
    }

    /// <summary>Each word's did-you-mean correction: its frequency, then its close spellings.</summary>
    [Benchmark]
    public int Corrections()
    {
        var found = 0;
        foreach (var word in _misspelled)
        {
            found += SpellingCorrector.Correction(_reader, word) is null ? 0 : 1;
        }

        return found;
    }

    private static string[] Misspell(IndexReader reader, int count)
    {
        var words4 = new List<(string Term, int DocFreq)>();
        var terms = MultiFields.GetTerms(reader, NewsFields.BodyExact).GetEnumerator();
        while (terms.MoveNext())
        {
            var term = terms.Term.Utf8ToString();
            if (term.Length >= 4 && term.All(c => c is >= '\u0621' and <= '\u064A'))
            {
                words4.Add((term, terms.DocFreq));
            }
        }

        var frequent = words4.OrderByDescending(x => x.DocFreq).ThenBy(x => x.Term, StringComparer.Ordinal).Take(1000).Select(x => x.Term).ToList();

        var random = new Random(2026);
        var words = new List<string>(count);
        for (var tries = 0; words.Count < count && tries < count * 20 && frequent.Count > 0; tries++)
        {
            var word = frequent[random.Next(frequent.Count)];
            for (var edits = random.Next(3) == 0 ? 2 : 1; edits > 0 && word.Length > 2; edits--)
            {
                var at = random.Next(1, word.Length - 1);
                word = random.Next(3) switch
                {
                    0 => word.Remove(at, 1),
                    1 => string.Concat(word.AsSpan(0, at), word.AsSpan(at + 1, 1), word.AsSpan(at, 1), word.AsSpan(at + 2)),
                    _ => string.Concat(word.AsSpan(0, at), ((char)random.Next('\u0628', '\u064A' + 1)).ToString(), word.AsSpan(at + 1)),
                };
            }

            if (reader.DocFreq(new Term(NewsFields.BodyExact, word)) < SpellingCorrector.RareDocFreq)
            {
                words.Add(word);
            }
        }

        return words.Count > 0 ? [.. words] : throw new InvalidOperationException("No frequent word to misspell in " + BenchmarkData.CorpusPath);
    }
}
