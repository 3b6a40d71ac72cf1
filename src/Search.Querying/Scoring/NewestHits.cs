using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Schema;

namespace Search.Querying.Scoring;

/// <summary>For a search sorted by date: the newest hits, with every hit of the same instant as the last of them.</summary>
/// <remarks>
/// Newest first, a score only breaks ties of one instant (and this corpus dates many articles at midnight). So the
/// <c>count</c> newest hits are found from the doc values alone, and every other hit of the oldest instant among them is
/// kept too: ranking those by their full score gives exactly the order a single query sorted by date gives.
/// </remarks>
internal static class NewestHits
{
    /// <summary>The top-level doc ids of the <paramref name="count"/> newest hits and of their ties, in no particular order.</summary>
    public static int[] Find(IndexSearcher searcher, FixedBitSet?[] hits, int count)
    {
        var leaves = searcher.IndexReader.Leaves;
        var newest = new PriorityQueue<int, long>(count + 1);
        for (var segment = 0; segment < leaves.Count; segment++)
        {
            if (hits[segment] is not { } bits)
            {
                continue;
            }

            var dates = leaves[segment].AtomicReader.GetNumericDocValues(NewsFields.DateMillis);
            for (var doc = bits.NextSetBit(0); doc >= 0; doc = doc + 1 < bits.Length ? bits.NextSetBit(doc + 1) : -1)
            {
                var date = dates?.Get(doc) ?? 0;
                if (newest.Count < count)
                {
                    newest.Enqueue(doc, date);
                }
                else if (newest.TryPeek(out _, out var oldest) && date > oldest)
                {
                    newest.EnqueueDequeue(doc, date);
                }
            }
        }

        if (newest.Count == 0 || !newest.TryPeek(out _, out var boundary))
        {
            return [];
        }

        var result = new List<int>(count * 2);
        for (var segment = 0; segment < leaves.Count; segment++)
        {
            if (hits[segment] is not { } bits)
            {
                continue;
            }

            var dates = leaves[segment].AtomicReader.GetNumericDocValues(NewsFields.DateMillis);
            var docBase = leaves[segment].DocBase;
            for (var doc = bits.NextSetBit(0); doc >= 0; doc = doc + 1 < bits.Length ? bits.NextSetBit(doc + 1) : -1)
            {
                if ((dates?.Get(doc) ?? 0) >= boundary)
                {
                    result.Add(docBase + doc);
                }
            }
        }

        return [.. result];
    }
}
