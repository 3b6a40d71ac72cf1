using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Querying;

/// <summary>
/// One word of a query across the fields it is searched in: a <see cref="DisjunctionMaxQuery"/> (the best field's score
/// plus the tie-breaker times the others') whose scorer takes its fields a window of documents at a time.
/// </summary>
/// <remarks>
/// #6: Lucene's <c>DisjunctionMaxScorer</c> keeps the fields' scorers in a heap and re-sorts it for every document
/// each of them matches; a common word over seven fields (and their proclitic variants) spent most of a search there.
/// This scorer runs each field's scorer through a window of <see cref="WindowSize"/> documents, adding its scores to
/// per-document slots, then hands the window's documents out in order: the same documents and, but for the order in
/// which floats are added (the last bit), the same scores. Weights, normalization and explanations are Lucene's.
/// One word alone over its seven fields on the full news corpus (three segments; top 10 and the count, mean of 50,
/// run twice), Lucene's scorer then this one: على (36,320 articles) 6.7–10.5 → 2.5–2.7 ms, الأمن 0.93–1.02 → 0.37–0.39 ms,
/// مجلس 0.62–0.65 → 0.27 ms, بيان (with its proclitic variant) 1.46–1.54 → 0.93–0.95 ms.
/// </remarks>
internal sealed class FieldsDisjunctionQuery(float tieBreaker) : DisjunctionMaxQuery(tieBreaker)
{
    /// <summary>Documents per window: small enough that a scorer's slots stay in the cache and cost little to allocate.</summary>
    public const int WindowSize = 512;

    public override Weight CreateWeight(IndexSearcher searcher) => new WindowedWeight(this, searcher);

    private sealed class WindowedWeight(FieldsDisjunctionQuery query, IndexSearcher searcher) : DisjunctionMaxWeight(query, searcher)
    {
        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var scorers = new List<Scorer>(m_weights.Count);
            foreach (var weight in m_weights)
            {
                if (weight.GetScorer(context, acceptDocs) is { } scorer)
                {
                    scorers.Add(scorer);
                }
            }

            return scorers.Count == 0 ? null : new WindowedScorer(this, query.TieBreakerMultiplier, [.. scorers]);
        }
    }

    private sealed class WindowedScorer : Scorer
    {
        private const int Mask = WindowSize - 1;
        private readonly Scorer[] _fields;
        private readonly int[] _fieldDocs;
        private readonly float _tieBreaker;
        private readonly float[] _max = new float[WindowSize];
        private readonly float[] _sum = new float[WindowSize];
        private readonly int[] _freq = new int[WindowSize];
        private readonly ulong[] _matched = new ulong[WindowSize / 64];
        private int _windowStart = -1;
        private int _doc = -1;
        private int _slot;

        public WindowedScorer(Weight weight, float tieBreaker, Scorer[] fields)
            : base(weight)
        {
            _fields = fields;
            _tieBreaker = tieBreaker;
            _fieldDocs = new int[fields.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                _fieldDocs[i] = fields[i].NextDoc();
            }
        }

        public override int DocID => _doc;

        public override int Freq => _freq[_slot];

        public override float GetScore()
        {
            var max = _max[_slot];
            return max + ((_sum[_slot] - max) * _tieBreaker);
        }

        public override int NextDoc() => _doc == NO_MORE_DOCS ? NO_MORE_DOCS : Next(_doc + 1);

        public override int Advance(int target) => _doc == NO_MORE_DOCS ? NO_MORE_DOCS : Next(Math.Max(target, _doc + 1));

        public override long GetCost()
        {
            long cost = 0;
            foreach (var field in _fields)
            {
                cost += field.GetCost();
            }

            return cost;
        }

        public override ICollection<ChildScorer> GetChildren() => [.. _fields.Select(field => new ChildScorer(field, "SHOULD"))];

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

        // Scores every field's documents from target to the end of target's window (the window of the first match at or after it).
        private bool Fill(int target)
        {
            var first = NO_MORE_DOCS;
            for (var i = 0; i < _fields.Length; i++)
            {
                if (_fieldDocs[i] < target)
                {
                    _fieldDocs[i] = _fields[i].Advance(target);
                }

                first = Math.Min(first, _fieldDocs[i]);
            }

            if (first == NO_MORE_DOCS)
            {
                return false;
            }

            _windowStart = first & ~Mask;
            var end = (long)_windowStart + WindowSize;
            Array.Clear(_matched);
            for (var i = 0; i < _fields.Length; i++)
            {
                var field = _fields[i];
                var doc = _fieldDocs[i];
                while (doc < end)
                {
                    var slot = doc & Mask;
                    var score = field.GetScore();
                    ref var word = ref _matched[slot >> 6];
                    var bit = 1UL << (slot & 63);
                    if ((word & bit) == 0)
                    {
                        word |= bit;
                        _max[slot] = score;
                        _sum[slot] = score;
                        _freq[slot] = 1;
                    }
                    else
                    {
                        _max[slot] = Math.Max(_max[slot], score);
                        _sum[slot] += score;
                        _freq[slot]++;
                    }

                    doc = field.NextDoc();
                }

                _fieldDocs[i] = doc;
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
                    return (index << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                }

                if (++index == _matched.Length)
                {
                    return -1;
                }

                word = _matched[index];
            }
        }
    }
}
