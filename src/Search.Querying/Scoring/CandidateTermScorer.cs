using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Querying.Ranking;

namespace Search.Querying.Scoring;

/// <summary>
/// Scores a word's forms on one field (a term, or stacked forms of which the best counts) for sorted candidates, with
/// the searcher's similarity: what a <see cref="TermQuery"/> (or a <see cref="DisjunctionMaxQuery"/> of them with no
/// tie-breaker) would score them, without building its weight and scorer.
/// </summary>
/// <remarks>
/// The rescoring phase scores some sixty such leaves for a headline-length query. Lucene's weights recompute statistics
/// and allocate a postings enum per term and segment; here each term's statistics come from the search's shared lookups
/// (<see cref="TermStates"/>), and one postings enum per field and segment is reused for every term of that field.
/// </remarks>
internal sealed class CandidateTermScorer
{
    private readonly IndexSearcher _searcher;
    private readonly TermStates _states;
    private readonly Dictionary<(string Field, int Segment), DocsEnum> _reuse = [];

    public CandidateTermScorer(IndexSearcher searcher, TermStates states)
    {
        _searcher = searcher;
        _states = states;
    }

    /// <summary>The terms of <paramref name="leaf"/> when it is a term query or a word's forms (a tie-breaker-free
    /// disjunction of term queries, the best counting); null for anything else.</summary>
    public static (Term[] Forms, float Boost)? Forms(Query leaf) => leaf switch
    {
        TermQuery term => ([term.Term], term.Boost),
        DisjunctionMaxQuery forms when forms.TieBreakerMultiplier == 0 && forms.Disjuncts.Count > 0
            && forms.Disjuncts.All(d => d is TermQuery { Boost: 1f })
            => ([.. forms.Disjuncts.Select(d => ((TermQuery)d).Term)], forms.Boost),
        _ => null,
    };

    /// <summary>
    /// Adds the score of each candidate that has one of <paramref name="forms"/> (the best form's) to
    /// <paramref name="scores"/>[<paramref name="offset"/> + candidate] and marks it matched; <paramref name="docs"/> are
    /// top-level ids in ascending order, <paramref name="slots"/> their places.
    /// </summary>
    public void Score(Term[] forms, float boost, int[] docs, int[] slots, int offset, float[] scores, bool[] matched)
    {
        var similarity = (NewsSimilarity)_searcher.Similarity;
        var leaves = _searcher.IndexReader.Leaves;
        foreach (var term in forms)
        {
            var field = term.Field;
            var statistics = _searcher.CollectionStatistics(field);
            var state = _states.State(term);
            if (state.DocFreq == 0)
            {
                continue;
            }

            var bm25 = similarity.Term(statistics, state.DocFreq, boost);
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

                if (first == next || state.Get(segment) is not { } termState || _states.Terms(context, field) is not { } terms)
                {
                    continue;
                }

                terms.SeekExact(term.Bytes, termState);
                var postings = terms.Docs(context.AtomicReader.LiveDocs, _reuse.GetValueOrDefault((field, segment)), DocsFlags.FREQS);
                _reuse[(field, segment)] = postings;
                var norms = context.AtomicReader.GetNormValues(field);
                var doc = -1;
                for (var i = first; i < next; i++)
                {
                    var target = docs[i] - context.DocBase;
                    if (doc < target)
                    {
                        doc = postings.Advance(target);
                        if (doc == DocIdSetIterator.NO_MORE_DOCS)
                        {
                            break;
                        }
                    }

                    if (doc == target)
                    {
                        var slot = offset + slots[i];
                        var score = bm25.Score(norms, doc, postings.Freq);
                        scores[slot] = matched[slot] ? Math.Max(scores[slot], score) : score;
                        matched[slot] = true;
                    }
                }
            }
        }
    }
}
