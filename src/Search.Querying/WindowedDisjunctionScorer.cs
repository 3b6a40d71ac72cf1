using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Querying;

/// <summary>
/// A disjunction of scorers evaluated a window of documents at a time, for <see cref="FieldsDisjunctionQuery"/> (a
/// word's fields: the best score plus a tie-breaker share of the others) and <see cref="WordsQuery"/> (a query's words:
/// their sum times the coordination factor).
/// </summary>
/// <remarks>
/// #6: Lucene's disjunction scorers keep their sub-scorers in a heap and re-sort it for every document each of them
/// matches. Here each sub-scorer runs through a window of <see cref="WindowSize"/> documents, adding its score to that
/// document's slot (best, sum, count), and the window's documents are then handed out in order, so the scorer nests
/// anywhere a Lucene scorer does; <see cref="Advance"/> skips whole windows. The documents, their freq and, but for the
/// order in which floats are added (the last bit), their scores are Lucene's.
/// </remarks>
internal sealed class WindowedDisjunctionScorer : Scorer
{
    /// <summary>Documents per window: small enough that the slots stay in the cache and cost little to allocate.</summary>
    public const int WindowSize = 512;

    private const int Mask = WindowSize - 1;
    private readonly Scorer[] _subs;
    private readonly int[] _subDocs;
    private readonly float _tieBreaker;
    private readonly float[]? _coord;
    private readonly float[] _max = new float[WindowSize];
    private readonly double[] _sum = new double[WindowSize];
    private readonly int[] _count = new int[WindowSize];
    private readonly ulong[] _matched = new ulong[WindowSize / 64];
    private int _windowStart = -1;
    private int _doc = -1;
    private int _slot;

    private WindowedDisjunctionScorer(Weight weight, Scorer[] subs, float tieBreaker, float[]? coord)
        : base(weight)
    {
        _subs = subs;
        _tieBreaker = tieBreaker;
        _coord = coord;
        _subDocs = new int[subs.Length];
        for (var i = 0; i < subs.Length; i++)
        {
            _subDocs[i] = subs[i].NextDoc();
        }
    }

    /// <summary>Scores a document as Lucene's <c>DisjunctionMaxScorer</c>: the best sub-score plus <paramref name="tieBreaker"/> times the others.</summary>
    public static WindowedDisjunctionScorer Max(Weight weight, Scorer[] subs, float tieBreaker) => new(weight, subs, tieBreaker, null);

    /// <summary>Scores a document as Lucene's <c>DisjunctionSumScorer</c>: the sum of the sub-scores times <paramref name="coord"/>[matched].</summary>
    public static WindowedDisjunctionScorer Sum(Weight weight, Scorer[] subs, float[] coord) => new(weight, subs, 0, coord);

    /// <summary>The scorers of <paramref name="weights"/> on one segment, without the ones that match nothing there.</summary>
    public static Scorer[] SubScorers(IList<Weight> weights, AtomicReaderContext context, IBits? acceptDocs)
    {
        var scorers = new List<Scorer>(weights.Count);
        foreach (var weight in weights)
        {
            if (weight.GetScorer(context, acceptDocs) is { } scorer)
            {
                scorers.Add(scorer);
            }
        }

        return [.. scorers];
    }

    public override int DocID => _doc;

    /// <summary>How many sub-scorers match the document.</summary>
    public override int Freq => _count[_slot];

    public override float GetScore()
    {
        if (_coord is not null)
        {
            return (float)_sum[_slot] * _coord[_count[_slot]];
        }

        var max = _max[_slot];
        return max + (((float)_sum[_slot] - max) * _tieBreaker);
    }

    public override int NextDoc() => _doc == NO_MORE_DOCS ? NO_MORE_DOCS : Next(_doc + 1);

    public override int Advance(int target) => _doc == NO_MORE_DOCS ? NO_MORE_DOCS : Next(Math.Max(target, _doc + 1));

    public override long GetCost()
    {
        long cost = 0;
        foreach (var sub in _subs)
        {
            cost += sub.GetCost();
        }

        return cost;
    }

    public override ICollection<ChildScorer> GetChildren() => [.. _subs.Select(sub => new ChildScorer(sub, "SHOULD"))];

    // The first matching document at or after target: from the window in hand, else from the next filled one.
    private int Next(int target)
    {
        while (true)
        {
            if (_windowStart >= 0 && target - _windowStart < WindowSize && NextMatched(Math.Max(0, target - _windowStart)) is var slot and >= 0)
            {
                _slot = slot;
                return _doc = _windowStart + slot;
            }

            if (!Fill(Math.Max(target, _windowStart < 0 ? 0 : _windowStart + WindowSize)))
            {
                return _doc = NO_MORE_DOCS;
            }
        }
    }

    // Scores every sub-scorer's documents from target to the end of the window of the first match at or after it.
    private bool Fill(int target)
    {
        var first = NO_MORE_DOCS;
        for (var i = 0; i < _subs.Length; i++)
        {
            if (_subDocs[i] < target)
            {
                _subDocs[i] = _subs[i].Advance(target);
            }

            first = Math.Min(first, _subDocs[i]);
        }

        if (first == NO_MORE_DOCS)
        {
            return false;
        }

        _windowStart = first & ~Mask;
        var end = (long)_windowStart + WindowSize;
        Array.Clear(_matched);
        for (var i = 0; i < _subs.Length; i++)
        {
            var sub = _subs[i];
            var doc = _subDocs[i];
            while (doc < end)
            {
                var slot = doc & Mask;
                var score = sub.GetScore();
                ref var word = ref _matched[slot >> 6];
                var bit = 1UL << (slot & 63);
                if ((word & bit) == 0)
                {
                    word |= bit;
                    _max[slot] = score;
                    _sum[slot] = score;
                    _count[slot] = 1;
                }
                else
                {
                    _max[slot] = Math.Max(_max[slot], score);
                    _sum[slot] += score;
                    _count[slot]++;
                }

                doc = sub.NextDoc();
            }

            _subDocs[i] = doc;
        }

        return true;
    }

    // The first matched slot at or after from, or -1.
    private int NextMatched(int from)
    {
        var index = from >> 6;
        var word = _matched[index] & (ulong.MaxValue << (from & 63));
        while (true)
        {
            if (word != 0)
            {
                return (index << 6) + BitOperations.TrailingZeroCount(word);
            }

            if (++index == _matched.Length)
            {
                return -1;
            }

            word = _matched[index];
        }
    }
}
