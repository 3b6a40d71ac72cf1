using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Querying;

/// <summary>
/// The words of a query: a <see cref="BooleanQuery"/> of optional clauses (with coordination) whose scorer, nested under
/// the proximity and exclusion clauses, takes its words a window of documents at a time.
/// </summary>
/// <remarks>
/// #6: nested, Lucene scores such a query with <c>DisjunctionSumScorer</c>, a heap re-sorted for every document a word
/// matches; here it is a <see cref="WindowedDisjunctionScorer"/>: the same documents, the same coordination factor and,
/// but for the order in which floats are added, the same scores. With a minimum number of words above one, Lucene's
/// own scorer is used. Weights, normalization, explanations and the bulk scorer at the top level are Lucene's.
/// </remarks>
internal sealed class WordsQuery(bool disableCoord) : BooleanQuery(disableCoord)
{
    public override Weight CreateWeight(IndexSearcher searcher) => new WindowedWeight(this, searcher);

    /// <summary>One word (and a minimum of at most one) is that word's query: coordination of one word of one is 1.</summary>
    /// <remarks>
    /// #6: Lucene drops such a wrapper only when no minimum is set; kept, a one-word search had at its top an all-optional
    /// boolean query, which Lucene scores out of order through a <c>BooleanScorer</c> of 2,048 buckets per segment.
    /// </remarks>
    public override Query Rewrite(IndexReader reader)
    {
        if (Clauses.Count != 1 || MinimumNumberShouldMatch > 1 || Clauses[0].Occur != Occur.SHOULD)
        {
            return base.Rewrite(reader);
        }

        var word = Clauses[0].Query.Rewrite(reader);
        if (Boost != 1f)
        {
            word = ReferenceEquals(word, Clauses[0].Query) ? (Query)word.Clone() : word;
            word.Boost *= Boost;
        }

        return word;
    }

    private sealed class WindowedWeight(WordsQuery query, IndexSearcher searcher) : BooleanWeight(query, searcher, query.CoordDisabled)
    {
        // Decided once per search, not per segment.
        private readonly bool _windowed = query.MinimumNumberShouldMatch <= 1 && query.Clauses.All(clause => clause.Occur == Occur.SHOULD);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            if (!_windowed)
            {
                return base.GetScorer(context, acceptDocs);
            }

            var scorers = WindowedDisjunctionScorer.SubScorers(m_weights, context, acceptDocs);
            if (scorers.Length == 0)
            {
                return null;
            }

            var coord = new float[scorers.Length + 1];
            for (var matched = 0; matched < coord.Length; matched++)
            {
                coord[matched] = query.CoordDisabled ? 1f : Coord(matched, m_maxCoord);
            }

            return WindowedDisjunctionScorer.Sum(this, scorers, coord);
        }
    }
}
