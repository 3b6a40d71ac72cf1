using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Querying.Spelling;

namespace Search.Querying.Variants;

/// <summary>
/// The words found just before and just after each of a set of words, over every live headline and body: the contexts
/// in which two spellings are compared (#18). Words are normalized as the language model's (stop words kept, numbers
/// skipped) and kept as hashes.
/// </summary>
internal sealed class ContextVectors
{
    private static readonly HashSet<string> BodyField = [NewsFields.Body];

    private readonly Dictionary<ulong, (Dictionary<ulong, int> Before, Dictionary<ulong, int> After)> _vectors = [];

    private ContextVectors()
    {
    }

    /// <summary>Counts the neighbours of <paramref name="words"/> (normalized) in <paramref name="reader"/>'s live articles.</summary>
    public static ContextVectors Build(IndexReader reader, IEnumerable<string> words)
    {
        var vectors = new ContextVectors();
        foreach (var word in words)
        {
            vectors._vectors.TryAdd(TermHash.Of(word), ([], []));
        }

        if (vectors._vectors.Count == 0)
        {
            return vectors;
        }

        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var live = segment.LiveDocs;
            var titles = segment.GetBinaryDocValues(NewsFields.TitleValue);
            var bytes = new BytesRef();
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                if (titles is not null)
                {
                    titles.Get(doc, bytes);
                    vectors.Count(bytes.Utf8ToString());
                }

                if (segment.Document(doc, BodyField).Get(NewsFields.Body) is { Length: > 0 } body)
                {
                    vectors.Count(body);
                }
            }
        }

        return vectors;
    }

    /// <summary>The cosines of the words before and after <paramref name="first"/> and <paramref name="second"/> (0 when either was not counted).</summary>
    public (double Before, double After) Similarity(string first, string second)
    {
        if (!_vectors.TryGetValue(TermHash.Of(first), out var a) || !_vectors.TryGetValue(TermHash.Of(second), out var b))
        {
            return (0, 0);
        }

        return (Cosine(a.Before, b.Before), Cosine(a.After, b.After));
    }

    private static double Cosine(Dictionary<ulong, int> a, Dictionary<ulong, int> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        double dot = 0, na = 0, nb = 0;
        foreach (var (key, count) in a)
        {
            na += (double)count * count;
            if (b.TryGetValue(key, out var other))
            {
                dot += (double)count * other;
            }
        }

        foreach (var count in b.Values)
        {
            nb += (double)count * count;
        }

        return dot / Math.Sqrt(na * nb);
    }

    private void Count(string text)
    {
        using var stream = SpellingAnalysis.Words.GetTokenStream(NewsAnalyzerFactory.WordsKey, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var previous = 0UL;
        (Dictionary<ulong, int> Before, Dictionary<ulong, int> After)? watched = null;
        var first = true;
        while (stream.IncrementToken())
        {
            var word = term.Buffer.AsSpan(0, term.Length);
            if (word.Length > 0 && char.IsDigit(word[0]))
            {
                continue;
            }

            var hash = TermHash.Of(word);
            if (!first)
            {
                if (watched is { } before)
                {
                    Add(before.After, hash);
                }

                if (_vectors.TryGetValue(hash, out var current))
                {
                    Add(current.Before, previous);
                }
            }

            watched = _vectors.TryGetValue(hash, out var vector) ? vector : null;
            previous = hash;
            first = false;
        }

        stream.End();
    }

    private static void Add(Dictionary<ulong, int> counts, ulong key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
