using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Querying;

/// <summary>
/// The top of a parsed query: a <see cref="BooleanQuery"/> that, when one of its clauses is required, builds its
/// segment's scorer once.
/// </summary>
/// <remarks>
/// #6: asked for a bulk scorer out of order (what every collector of ours accepts), Lucene 4.8's boolean weight asks each
/// clause in turn for an out-of-order bulk scorer of its own, and only when it meets a required clause drops them all
/// and scores with <c>BooleanScorer2</c>. Our first clause is the required words, so every search built the whole
/// words scorer (each word's postings in every field, and a 2,048-bucket <c>BooleanScorer</c>) only to throw it away:
/// about a fifth of the allocation of a search. With a required clause this weight goes straight to the scorer that
/// Lucene would have ended with; without one (only optional clauses and exclusions), it is Lucene's weight as is.
/// Same scorer, same documents, same scores.
/// </remarks>
internal sealed class TopQuery() : BooleanQuery(disableCoord: true)
{
    public override Weight CreateWeight(IndexSearcher searcher) => new TopWeight(this, searcher);

    private sealed class TopWeight(TopQuery query, IndexSearcher searcher) : BooleanWeight(query, searcher, disableCoord: true)
    {
        // Decided once per search, not per segment.
        private readonly bool _required = query.Clauses.Any(clause => clause.IsRequired);

        public override BulkScorer? GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits? acceptDocs)
        {
            if (!_required)
            {
                return base.GetBulkScorer(context, scoreDocsInOrder, acceptDocs);
            }

            return GetScorer(context, acceptDocs) is { } scorer ? new InOrderBulkScorer(scorer) : null;
        }
    }

    // What Lucene's weight wraps a scorer in (its own is internal): every document the scorer matches, in order.
    private sealed class InOrderBulkScorer(Scorer scorer) : BulkScorer
    {
        public override bool Score(ICollector collector, int max)
        {
            collector.SetScorer(scorer);
            var doc = scorer.DocID < 0 ? scorer.NextDoc() : scorer.DocID;
            while (doc < max)
            {
                collector.Collect(doc);
                doc = scorer.NextDoc();
            }

            return doc != DocIdSetIterator.NO_MORE_DOCS;
        }
    }
}
