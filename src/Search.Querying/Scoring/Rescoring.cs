using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Schema;
using Search.Querying.Parsing;

namespace Search.Querying.Scoring;

/// <summary>Re-ranks the first phase's best candidates by the full ranking, in the order a one-phase search would give them.</summary>
internal static class Rescoring
{
    /// <summary>
    /// <paramref name="ranked"/> with its first <paramref name="depth"/> hits scored by <see cref="PlanRescorer"/> (times
    /// the recency factor when <paramref name="recency"/> is given) and sorted as a one-phase search sorts: score, then
    /// newest, then doc id. Hits below the depth keep their place after them.
    /// </summary>
    public static ScoreDoc[] Apply(IndexSearcher searcher, QueryPlan plan, ScoreDoc[] ranked, int depth, Func<long, float>? recency, TermStates states) =>
        Apply(searcher, plan, ranked, depth, recency, states, byDate: false);

    /// <summary>
    /// <paramref name="docs"/> (top-level ids) scored by <see cref="PlanRescorer"/> and sorted newest first, then by score,
    /// then by doc id, as a single query sorted by date orders them.
    /// </summary>
    public static ScoreDoc[] NewestFirst(IndexSearcher searcher, QueryPlan plan, int[] docs, TermStates states) =>
        Apply(searcher, plan, [.. docs.Select(doc => new ScoreDoc(doc, 0f))], docs.Length, null, states, byDate: true);

    private static ScoreDoc[] Apply(IndexSearcher searcher, QueryPlan plan, ScoreDoc[] ranked, int depth, Func<long, float>? recency, TermStates states, bool byDate)
    {
        var count = Math.Min(depth, ranked.Length);
        if (count == 0)
        {
            return ranked;
        }

        var docs = new int[count];
        for (var i = 0; i < count; i++)
        {
            docs[i] = ranked[i].Doc;
        }

        var scores = PlanRescorer.Score(searcher, plan, docs, states);
        var dates = DateMillis(searcher.IndexReader, docs);
        var rescored = new (ScoreDoc Hit, long Date)[count];
        for (var i = 0; i < count; i++)
        {
            var score = recency is null ? scores[i] : scores[i] * recency(dates[i]);
            rescored[i] = (new ScoreDoc(docs[i], score), dates[i]);
        }

        Array.Sort(rescored, byDate ? NewestThenScore : ScoreThenNewest);

        var result = (ScoreDoc[])ranked.Clone();
        for (var i = 0; i < count; i++)
        {
            result[i] = rescored[i].Hit;
        }

        return result;
    }

    private static int ScoreThenNewest((ScoreDoc Hit, long Date) a, (ScoreDoc Hit, long Date) b)
    {
        var byScore = b.Hit.Score.CompareTo(a.Hit.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        var byDate = b.Date.CompareTo(a.Date);
        return byDate != 0 ? byDate : a.Hit.Doc.CompareTo(b.Hit.Doc);
    }

    private static int NewestThenScore((ScoreDoc Hit, long Date) a, (ScoreDoc Hit, long Date) b)
    {
        var byDate = b.Date.CompareTo(a.Date);
        if (byDate != 0)
        {
            return byDate;
        }

        var byScore = b.Hit.Score.CompareTo(a.Hit.Score);
        return byScore != 0 ? byScore : a.Hit.Doc.CompareTo(b.Hit.Doc);
    }

    // Publication times (Unix ms) of the documents, 0 where there is none, as the sort reads them.
    private static long[] DateMillis(IndexReader reader, int[] docs)
    {
        var dates = new long[docs.Length];
        var leaves = reader.Leaves;
        for (var i = 0; i < docs.Length; i++)
        {
            var context = leaves[ReaderUtil.SubIndex(docs[i], leaves)];
            var values = context.AtomicReader.GetNumericDocValues(NewsFields.DateMillis);
            dates[i] = values?.Get(docs[i] - context.DocBase) ?? 0;
        }

        return dates;
    }
}
