using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Search.Querying.Ranking;

/// <summary>BM25 with a tunable coordination factor: (matched / total)^<see cref="RankingWeights.Coord"/> on the query's words.</summary>
/// <remarks>
/// Lucene 4.8's BM25Similarity has no coord (always 1). The parser enables coordination on one BooleanQuery only, the
/// one holding the query's words, so the factor counts words, not fields or proximity clauses.
/// <para>
/// <see cref="Term"/> gives a term's BM25 as Lucene's term scorer computes it, for the two-phase search's own loops
/// (#17): Lucene builds the length-normalization table of 256 entries anew for every term of every search; here it is
/// built once per field and average length.
/// </para>
/// </remarks>
public sealed class NewsSimilarity(RankingWeights weights) : BM25Similarity(weights.K1, weights.B)
{
    private readonly double _exponent = weights.Coord;
    private readonly ConcurrentDictionary<(string Field, float AverageLength), float[]> _lengthFactors = new();

    /// <inheritdoc />
    public override float Coord(int overlap, int maxOverlap) =>
        _exponent <= 0 || maxOverlap <= 0 ? 1f : (float)Math.Pow((double)overlap / maxOverlap, _exponent);

    /// <summary>The BM25 of a term of <paramref name="docFreq"/> documents in a field of <paramref name="collection"/>, boosted by <paramref name="boost"/>.</summary>
    public TermBm25 Term(CollectionStatistics collection, long docFreq, float boost)
    {
        // As Lucene: weight = idf · query boost · top-level boost (1 here), then the saturation's (k1 + 1).
        var weight = Idf(docFreq, collection.MaxDoc) * boost * 1f;
        var averageLength = AvgFieldLength(collection);
        var factors = _lengthFactors.GetOrAdd((collection.Field, averageLength), static (key, similarity) => similarity.LengthFactors(key.AverageLength), this);
        return new TermBm25(weight * (K1 + 1), factors, K1);
    }

    // k1 · (1 − b + b · length / average length) for every encoded length, as Lucene's weight computes it.
    private float[] LengthFactors(float averageLength)
    {
        var factors = new float[256];
        for (var i = 0; i < factors.Length; i++)
        {
            factors[i] = K1 * ((1 - B) + (B * DecodeNormValue((byte)i) / averageLength));
        }

        return factors;
    }
}

/// <summary>One term's BM25 in one search: its weight and the field's length factors (see <see cref="NewsSimilarity.Term"/>).</summary>
public readonly struct TermBm25(float weight, float[] lengthFactors, float k1)
{
    /// <summary>The score of a document with <paramref name="freq"/> occurrences and the encoded length <paramref name="norms"/> gives (none: no length normalization).</summary>
    public float Score(NumericDocValues? norms, int doc, int freq)
    {
        var norm = norms is null ? k1 : lengthFactors[(byte)norms.Get(doc)];
        return weight * freq / (freq + norm);
    }
}
