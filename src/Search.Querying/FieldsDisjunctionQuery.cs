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
/// Its scorer (<see cref="WindowedDisjunctionScorer"/>) runs each field's scorer through a window of documents, adding
/// its scores to per-document slots, then hands the window's documents out in order: the same documents and, but for the order in
/// which floats are added (the last bit), the same scores. Weights, normalization and explanations are Lucene's.
/// One word alone over its seven fields on the full news corpus (three segments; top 10 and the count, mean of 50,
/// run twice), Lucene's scorer then this one: على (36,320 articles) 6.7–10.5 → 2.5–2.7 ms, الأمن 0.93–1.02 → 0.37–0.39 ms,
/// مجلس 0.62–0.65 → 0.27 ms, بيان (with its proclitic variant) 1.46–1.54 → 0.93–0.95 ms.
/// </remarks>
internal sealed class FieldsDisjunctionQuery(float tieBreaker) : DisjunctionMaxQuery(tieBreaker)
{
    public override Weight CreateWeight(IndexSearcher searcher) => new WindowedWeight(this, searcher);

    private sealed class WindowedWeight(FieldsDisjunctionQuery query, IndexSearcher searcher) : DisjunctionMaxWeight(query, searcher)
    {
        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var scorers = WindowedDisjunctionScorer.SubScorers(m_weights, context, acceptDocs);
            return scorers.Length == 0 ? null : WindowedDisjunctionScorer.Max(this, scorers, query.TieBreakerMultiplier);
        }
    }
}
