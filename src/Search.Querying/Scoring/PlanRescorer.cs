using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Querying.Parsing;

namespace Search.Querying.Scoring;

/// <summary>
/// The second phase of a two-phase search: the full ranking's scores of a few candidate articles, computed term by term
/// over the candidates only.
/// </summary>
/// <remarks>
/// Each field query of each word, and each proximity pair, gets Lucene's own weight and scorer (so BM25, norms, phrase
/// slop and boosts are exactly those of the single query <see cref="PlanQueries.Full"/> builds); the scorer is only
/// advanced to the candidates, through the postings' skip lists, instead of visiting every match. The parts are then
/// combined as the full query's scorers combine them: per word the best field plus the tie-breaker's share of the
/// others, per group the sum of its OR alternatives, the groups' sum times the coordination factor, plus the bonus and
/// the pairs. A common word beside a rare one is scored on the stemmed body, as <see cref="CommonWordQuery"/> rewrites it.
/// </remarks>
internal sealed class PlanRescorer
{
    private readonly IndexSearcher _searcher;
    private readonly QueryPlan _plan;
    private readonly TermStates _states;
    private readonly List<Query> _leaves = [];

    // Per group, per alternative: the leaves of its fields.
    private readonly int[][][] _groups;
    private readonly int[] _pairs;
    private readonly int _firstPair;

    private PlanRescorer(IndexSearcher searcher, QueryPlan plan, TermStates states)
    {
        _states = states;
        _searcher = searcher;
        _plan = plan;
        var reader = searcher.IndexReader;
        _groups = new int[plan.Groups.Count][][];
        for (var g = 0; g < plan.Groups.Count; g++)
        {
            var group = plan.Groups[g];
            if (group.Count == 1 && plan.Common is { } common && common.Forms(g) is { } forms && common.IsCommonBesideRare(reader, g))
            {
                _groups[g] = [[Leaf(CommonWordQuery.BodyQuery(forms, plan.BodyBoost))]];
                continue;
            }

            _groups[g] = [.. group.Select(word => word.Fields.Select(clause => Leaf(clause.Query)).ToArray())];
        }

        _pairs = [.. plan.Pairs.Select(Leaf)];
        _firstPair = _pairs.Length == 0 ? _leaves.Count : _pairs[0];
    }

    /// <summary>The full-ranking score of each of <paramref name="docs"/> (top-level doc ids, any order).</summary>
    public static float[] Score(IndexSearcher searcher, QueryPlan plan, IReadOnlyList<int> docs, TermStates states) =>
        new PlanRescorer(searcher, plan, states).Score(docs);

    private int Leaf(Query query)
    {
        _leaves.Add(query);
        return _leaves.Count - 1;
    }

    private float[] Score(IReadOnlyList<int> docs)
    {
        var count = docs.Count;
        var order = Enumerable.Range(0, count).OrderBy(i => docs[i]).ToArray();
        var sorted = order.Select(i => docs[i]).ToArray();
        var scores = new float[_leaves.Count * count];
        var matched = new bool[_leaves.Count * count];
        var terms = new CandidateTermScorer(_searcher, _states);
        FixedBitSet?[]? accepted = null;
        for (var leaf = 0; leaf < _leaves.Count; leaf++)
        {
            if (leaf < _firstPair && CandidateTermScorer.Forms(_leaves[leaf]) is { } forms)
            {
                terms.Score(forms.Forms, forms.Boost, sorted, order, leaf * count, scores, matched);
                continue;
            }

            // A pair is held to the candidates as its segment's accepted documents: its scorer then computes the slop only
            // where it is asked, never at another document (the candidates are live: they come from a search).
            accepted ??= Accepted(sorted);
            ScoreWithWeight(_searcher.CreateNormalizedWeight(_states.Bind(_leaves[leaf])), leaf >= _firstPair ? accepted : null,
                sorted, order, leaf * count, scores, matched);
        }

        var result = new float[count];
        var similarity = _searcher.Similarity;
        for (var i = 0; i < count; i++)
        {
            result[i] = Combine(i, count, scores, matched, similarity);
        }

        return result;
    }

    // Any other leaf (a phrase, a proximity pair): Lucene's own scorer, advanced to each candidate.
    private void ScoreWithWeight(Weight weight, FixedBitSet?[]? accepted, int[] docs, int[] slots, int offset, float[] scores, bool[] matched)
    {
        var leaves = _searcher.IndexReader.Leaves;
        var next = 0;
        for (var segment = 0; segment < leaves.Count && next < docs.Length; segment++)
        {
            var context = leaves[segment];
            var end = context.DocBase + context.AtomicReader.MaxDoc;
            var first = next;
            while (next < docs.Length && docs[next] < end)
            {
                next++;
            }

            if (first == next || weight.GetScorer(context, accepted is null ? context.AtomicReader.LiveDocs : accepted[segment]) is not { } scorer)
            {
                continue;
            }

            var doc = -1;
            for (var i = first; i < next; i++)
            {
                var target = docs[i] - context.DocBase;
                if (doc < target)
                {
                    doc = scorer.Advance(target);
                    if (doc == DocIdSetIterator.NO_MORE_DOCS)
                    {
                        break;
                    }
                }

                if (doc == target)
                {
                    var slot = offset + slots[i];
                    scores[slot] = scorer.GetScore();
                    matched[slot] = true;
                }
            }
        }
    }

    private FixedBitSet?[] Accepted(int[] docs)
    {
        var leaves = _searcher.IndexReader.Leaves;
        var accepted = new FixedBitSet?[leaves.Count];
        foreach (var doc in docs)
        {
            var index = ReaderUtil.SubIndex(doc, leaves);
            (accepted[index] ??= new FixedBitSet(leaves[index].AtomicReader.MaxDoc)).Set(doc - leaves[index].DocBase);
        }

        return accepted;
    }

    // As the full query's scorers add up: see the remarks.
    private float Combine(int doc, int count, float[] scores, bool[] matched, Lucene.Net.Search.Similarities.Similarity similarity)
    {
        double words = 0;
        var matchedGroups = 0;
        double optional = 0;
        for (var g = 0; g < _groups.Length; g++)
        {
            double group = 0;
            var any = false;
            foreach (var alternative in _groups[g])
            {
                var max = 0f;
                double sum = 0;
                var hit = false;
                foreach (var leaf in alternative)
                {
                    var slot = (leaf * count) + doc;
                    if (matched[slot])
                    {
                        hit = true;
                        max = Math.Max(max, scores[slot]);
                        sum += scores[slot];
                    }
                }

                if (hit)
                {
                    any = true;
                    group += max + (((float)sum - max) * _plan.TieBreaker);
                }
            }

            if (any)
            {
                matchedGroups++;
                words += (float)group;
                optional += _plan.Bonus;
            }
        }

        if (matchedGroups < _plan.Required || matchedGroups == 0)
        {
            return 0f;
        }

        foreach (var leaf in _pairs)
        {
            var slot = (leaf * count) + doc;
            if (matched[slot])
            {
                optional += scores[slot];
            }
        }

        var coord = _plan.Coord ? similarity.Coord(matchedGroups, _groups.Length) : 1f;
        return ((float)words * coord) + (float)optional;
    }
}
