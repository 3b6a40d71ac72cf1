using System.Collections;
using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Schema;

namespace Search.Querying.Spelling;

/// <summary>Counts the words and word pairs of every live article's headline and body into a <see cref="LanguageModel"/>.</summary>
/// <remarks>
/// Headlines come from their doc-values column, bodies from stored fields; both are analyzed with the words chain
/// (<see cref="NewsAnalyzerFactory.WordsKey"/>). The news corpus has about 9 million words, 3.2 million distinct pairs
/// and a million seen twice or more; counting every distinct pair would hold them all at once. So a body pair is first
/// marked in a bit set (16 MiB) and counted only from its second occurrence on, its first added back then: a pair seen
/// once never takes a slot. Two pairs may share a bit (a few percent of pairs seen once then count twice), which only
/// keeps a few rare pairs. A headline pair counts <see cref="LanguageModel.HeadlineWeight"/> at once.
/// Seconds of CPU on the news corpus, once per index reader, in the background (see <see cref="SuggestionService"/>).
/// </remarks>
internal static class LanguageModelBuilder
{
    private const int FirstSeenBits = 1 << 27;

    private static readonly HashSet<string> BodyField = [NewsFields.Body];

    /// <summary>The model of the live articles of <paramref name="reader"/>.</summary>
    public static LanguageModel Build(IndexReader reader, Analyzer analyzer)
    {
        var started = Stopwatch.GetTimestamp();
        var counts = new Counts(reader.NumDocs);
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var live = segment.LiveDocs;
            var titles = segment.GetBinaryDocValues(NewsFields.TitleValue);
            var titled = segment.GetDocsWithField(NewsFields.TitleValue);
            var bytes = new BytesRef();
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                if (titles is not null && titled is not null && titled.Get(doc))
                {
                    titles.Get(doc, bytes);
                    counts.Add(analyzer, bytes.Utf8ToString(), LanguageModel.HeadlineWeight);
                }

                if (segment.Document(doc, BodyField).Get(NewsFields.Body) is { Length: > 0 } body)
                {
                    counts.Add(analyzer, body, 1);
                }
            }
        }

        return new LanguageModel(
            counts.Words.Compact(1),
            new PairCounts(counts.Pairs, LanguageModel.MinPairCount),
            counts.Total,
            Stopwatch.GetElapsedTime(started));
    }

    private sealed class Counts(int documents)
    {
        private readonly BitArray _seen = new(FirstSeenBits);

        public CountTable Words { get; } = new(Math.Clamp(documents * 8, 1024, 1 << 20));

        public CountTable Pairs { get; } = new(Math.Clamp(documents * 16, 1024, 1 << 21));

        public long Total { get; private set; }

        // The words of one text, each counted `weight` times, and each adjacent pair (numbers skipped, not breaking it).
        public void Add(Analyzer analyzer, string text, int weight)
        {
            using var stream = analyzer.GetTokenStream(NewsAnalyzerFactory.WordsKey, text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            var previous = 0UL;
            var first = true;
            while (stream.IncrementToken())
            {
                var word = term.Buffer.AsSpan(0, term.Length);
                if (IsNumber(word))
                {
                    continue;
                }

                var hash = TermHash.Of(word);
                Words.Add(hash, weight);
                Total += weight;
                if (!first)
                {
                    AddPair(TermHash.Pair(previous, hash), weight);
                }

                previous = hash;
                first = false;
            }

            stream.End();
        }

        private void AddPair(ulong pair, int weight)
        {
            if (weight >= LanguageModel.MinPairCount)
            {
                Pairs.Add(pair, weight);
                return;
            }

            var bit = (int)(pair & (FirstSeenBits - 1));
            if (!_seen[bit])
            {
                _seen[bit] = true;
                return;
            }

            // Seen before (or a bit shared with another pair): counted from now on, with its first occurrence.
            Pairs.Add(pair, Pairs[pair] == 0 ? weight + 1 : weight);
        }

        private static bool IsNumber(ReadOnlySpan<char> word)
        {
            foreach (var c in word)
            {
                if (!char.IsDigit(c) && c is not ('.' or ','))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
