using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Querying.Ranking;
using Lucene.Net.Util;
using Search.Core.Schema;

namespace Search.Querying.Scoring;

/// <summary>
/// The first phase's best hits: the articles with the highest sum of clause scores among a segment's hits, found with
/// MaxScore pruning (Turtle and Flood), so that a long query's common words are only looked at where they can still
/// change which articles make the cut.
/// </summary>
/// <remarks>
/// Each term clause has an upper bound on what it can add: BM25 never exceeds idf · boost · (k1 + 1). With the clauses
/// in ascending order of bound, the longest prefix whose bounds add up to less than the current cut-off (the
/// <c>count</c>-th best score so far) is non-essential: an article that has none of the other clauses cannot make the
/// cut, so only the essential clauses' postings are walked, and the non-essential ones are advanced to an article only
/// while its score plus their remaining bounds can still reach the cut-off. The result is exactly the best
/// <c>count</c> by score, then newest, then doc id: what a full pass would keep. A clause that is not a term (a
/// phrase) has no bound and is always walked.
/// </remarks>
internal static class FirstPhaseTop
{
    // Documents per window of the walk: the slots stay in the cache.
    private const int WindowSize = 2048;

    [ThreadStatic]
    private static double[]? _windowScores;

    [ThreadStatic]
    private static ulong[]? _windowScored;

    /// <summary>The best <paramref name="count"/> hits, best first; <paramref name="timedOut"/> when the deadline passed during the walk.</summary>
    public static ScoreDoc[] Find(
        IndexSearcher searcher, IReadOnlyList<Query> clauses, TermStates states, FixedBitSet?[] hits, int count,
        Func<long, float>? recency, SearchDeadline deadline, out bool timedOut)
    {
        timedOut = false;
        var top = new TopHits(count);
        var leaves = searcher.IndexReader.Leaves;
        var similarity = (NewsSimilarity)searcher.Similarity;
        var k1 = similarity.K1;

        // A recency factor is at most 2 (1 + 2^-age): bounds are doubled under it.
        var boundScale = recency is null ? 1f : 2f;
        var weights = new Dictionary<Query, (Weight? Weight, TermBm25? Term, float Bound)>(ReferenceEqualityComparer.Instance);
        foreach (var clause in clauses)
        {
            weights[clause] = Prepare(searcher, similarity, states, clause, k1, boundScale);
        }

        for (var segment = 0; segment < leaves.Count && !timedOut; segment++)
        {
            if (hits[segment] is not { } accepted)
            {
                continue;
            }

            var context = leaves[segment];
            var cursors = new List<Cursor>(clauses.Count);
            foreach (var clause in clauses)
            {
                if (Cursor.Open(context, clause, weights[clause], states, accepted) is { } cursor)
                {
                    cursors.Add(cursor);
                }
            }

            try
            {
                timedOut = Walk(context, [.. cursors.OrderBy(c => c.Bound)], top, recency, boundScale, deadline);
            }
            catch
            {
                // A walk cut short by a failure leaves its window's slots set.
                _windowScores = null;
                _windowScored = null;
                throw;
            }
        }

        return top.Sorted();
    }

    private static (Weight? Weight, TermBm25? Term, float Bound) Prepare(
        IndexSearcher searcher, NewsSimilarity similarity, TermStates states, Query clause, float k1, float boundScale)
    {
        if (clause is TermQuery { Term: var term } && states.State(term) is { DocFreq: > 0 } state)
        {
            var statistics = searcher.CollectionStatistics(term.Field);
            var bm25 = similarity.Term(statistics, state.DocFreq, clause.Boost);

            // BM25's idf as Lucene computes it, times the boost and the saturation's ceiling, with a little headroom for rounding.
            var idf = Math.Log(1 + ((statistics.MaxDoc - state.DocFreq + 0.5) / (state.DocFreq + 0.5)));
            var bound = (float)(idf * clause.Boost * (k1 + 1) * boundScale * 1.0001);
            return (null, bm25, float.IsFinite(bound) ? bound : float.PositiveInfinity);
        }

        return clause is TermQuery
            ? (null, null, 0f)
            : (searcher.CreateNormalizedWeight(states.Bind(clause)), null, float.PositiveInfinity);
    }

    // One segment's walk, a window of documents at a time: the essential clauses add their scores into the window's
    // slots, then each scored document takes the non-essential clauses while it can still make the cut. The window's
    // essential clauses stay fixed until its end, so no clause is counted twice. True when the deadline passed.
    private static bool Walk(AtomicReaderContext context, Cursor[] cursors, TopHits top, Func<long, float>? recency, float scale, SearchDeadline deadline)
    {
        var n = cursors.Length;
        var prefix = new double[n];
        for (var i = 0; i < n; i++)
        {
            prefix[i] = (i > 0 ? prefix[i - 1] : 0) + cursors[i].Bound;
        }

        var dates = context.AtomicReader.GetNumericDocValues(NewsFields.DateMillis);
        // Slots are zeroed as they are read, so a thread's window is left clean for its next walk.
        var scores = _windowScores ??= new double[WindowSize];
        var scored = _windowScored ??= new ulong[WindowSize / 64];
        var cutoff = top.Cutoff;
        var essential = FirstEssential(prefix, cutoff);
        while (true)
        {
            if (deadline.Expired)
            {
                return true;
            }

            var first = DocIdSetIterator.NO_MORE_DOCS;
            for (var i = essential; i < n; i++)
            {
                first = Math.Min(first, cursors[i].Doc);
            }

            if (first == DocIdSetIterator.NO_MORE_DOCS)
            {
                return false;
            }

            var start = first & ~(WindowSize - 1);
            var end = start + WindowSize;
            for (var i = essential; i < n; i++)
            {
                var cursor = cursors[i];
                while (cursor.Doc < end)
                {
                    var slot = cursor.Doc - start;
                    scores[slot] += cursor.Score();
                    scored[slot >> 6] |= 1UL << slot;
                    cursor.Next();
                }
            }

            var windowEssential = essential;
            for (var word = 0; word < scored.Length; word++)
            {
                while (scored[word] != 0)
                {
                    var slot = (word << 6) + BitOperations.TrailingZeroCount(scored[word]);
                    scored[word] &= scored[word] - 1;
                    var doc = start + slot;
                    var score = scores[slot];
                    scores[slot] = 0;
                    if (Complete(cursors, prefix, windowEssential, doc, scale, cutoff, ref score)
                        && Offer(top, context.DocBase + doc, score, dates?.Get(doc) ?? 0, recency) && top.Cutoff > cutoff)
                    {
                        cutoff = top.Cutoff;
                        essential = FirstEssential(prefix, cutoff);
                    }
                }
            }
        }
    }

    // Adds the non-essential clauses to a document's score, strongest first, while it can still reach the cut-off.
    private static bool Complete(Cursor[] cursors, double[] prefix, int essential, int doc, float scale, float cutoff, ref double score)
    {
        for (var i = essential - 1; i >= 0; i--)
        {
            if ((score * scale) + prefix[i] < cutoff)
            {
                return false;
            }

            if (cursors[i].AdvanceTo(doc))
            {
                score += cursors[i].Score();
            }
        }

        return true;
    }

    private static bool Offer(TopHits top, int doc, double score, long date, Func<long, float>? recency) =>
        top.Offer(doc, recency is null ? (float)score : (float)score * recency(date), date);

    // The clauses before it cannot, together, reach the cut-off.
    private static int FirstEssential(double[] prefix, float cutoff)
    {
        var essential = 0;
        while (essential < prefix.Length && prefix[essential] < cutoff)
        {
            essential++;
        }

        return essential;
    }

    // One clause's postings in one segment, with its scorer and bound.
    private abstract class Cursor(float bound)
    {
        public float Bound { get; } = bound;

        public int Doc { get; protected set; } = -1;

        public static Cursor? Open(
            AtomicReaderContext context, Query clause, (Weight? Weight, TermBm25? Term, float Bound) prepared, TermStates states, FixedBitSet accepted)
        {
            if (prepared.Weight is { } weight)
            {
                return weight.GetScorer(context, accepted) is { } scorer ? new ScorerCursor(scorer, prepared.Bound) : null;
            }

            if (prepared.Term is not { } bm25 || clause is not TermQuery { Term: var term }
                || states.State(term).Get(context.Ord) is not { } state || states.Terms(context, term.Field) is not { } terms)
            {
                return null;
            }

            terms.SeekExact(term.Bytes, state);
            return new TermCursor(terms.Docs(accepted, null, DocsFlags.FREQS), bm25, context.AtomicReader.GetNormValues(term.Field), prepared.Bound);
        }

        public abstract float Score();

        public abstract void Next();

        // True when the clause has the document.
        public bool AdvanceTo(int doc)
        {
            if (Doc < doc)
            {
                Advance(doc);
            }

            return Doc == doc;
        }

        protected abstract void Advance(int doc);
    }

    private sealed class TermCursor : Cursor
    {
        private readonly DocsEnum _postings;
        private readonly TermBm25 _bm25;
        private readonly NumericDocValues? _norms;

        public TermCursor(DocsEnum postings, TermBm25 bm25, NumericDocValues? norms, float bound)
            : base(bound)
        {
            _postings = postings;
            _bm25 = bm25;
            _norms = norms;
            Doc = postings.NextDoc();
        }

        public override float Score() => _bm25.Score(_norms, Doc, _postings.Freq);

        public override void Next() => Doc = _postings.NextDoc();

        protected override void Advance(int doc) => Doc = _postings.Advance(doc);
    }

    private sealed class ScorerCursor : Cursor
    {
        private readonly Scorer _scorer;

        public ScorerCursor(Scorer scorer, float bound)
            : base(bound)
        {
            _scorer = scorer;
            Doc = scorer.NextDoc();
        }

        public override float Score() => _scorer.GetScore();

        public override void Next() => Doc = _scorer.NextDoc();

        protected override void Advance(int doc) => Doc = _scorer.Advance(doc);
    }

    // The best hits so far: a heap whose top is the weakest (lowest score, then oldest, then highest doc id).
    private sealed class TopHits(int capacity)
    {
        private readonly PriorityQueue<(int Doc, float Score, long Date), (float Score, long Date, int Doc)> _heap =
            new(capacity + 1, Comparer<(float Score, long Date, int Doc)>.Create(static (a, b) =>
            {
                var byScore = a.Score.CompareTo(b.Score);
                if (byScore != 0)
                {
                    return byScore;
                }

                var byDate = a.Date.CompareTo(b.Date);
                return byDate != 0 ? byDate : b.Doc.CompareTo(a.Doc);
            }));

        // Below this score an article cannot enter (0 until the heap is full).
        public float Cutoff => _heap.Count < capacity ? 0f : _heap.Peek().Score;

        public bool Offer(int doc, float score, long date)
        {
            if (_heap.Count < capacity)
            {
                _heap.Enqueue((doc, score, date), (score, date, doc));
                return true;
            }

            _heap.TryPeek(out _, out var weakest);
            if (Comparer(weakest, (score, date, doc)) >= 0)
            {
                return false;
            }

            _heap.EnqueueDequeue((doc, score, date), (score, date, doc));
            return true;
        }

        public ScoreDoc[] Sorted()
        {
            var all = new (int Doc, float Score, long Date)[_heap.Count];
            var i = all.Length;
            while (_heap.TryDequeue(out var hit, out _))
            {
                all[--i] = hit;
            }

            return [.. all.Select(hit => new ScoreDoc(hit.Doc, hit.Score))];
        }

        private static int Comparer((float Score, long Date, int Doc) a, (float Score, long Date, int Doc) b)
        {
            var byScore = a.Score.CompareTo(b.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byDate = a.Date.CompareTo(b.Date);
            return byDate != 0 ? byDate : b.Doc.CompareTo(a.Doc);
        }
    }
}
