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
