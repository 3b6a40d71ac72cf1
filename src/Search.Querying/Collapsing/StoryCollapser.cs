using Lucene.Net.Search;
using Search.Core.Schema;

namespace Search.Querying.Collapsing;

/// <summary>One hit per story: the first of each cluster in ranked order stands for it, and names the others as its copies.</summary>
/// <remarks>
/// The ranked order decides which copy is kept: the best-scoring one by relevance, the newest one by date. A page is
/// the slice of the collapsed order, so page 2 starts after the last story of page 1 and never repeats one of its
/// stories. The executor ranks <see cref="Candidates"/> hits first; when collapsing leaves fewer stories than the page
/// needs and the ranking may hold more, it ranks four times as many and collapses again.
/// </remarks>
internal static class StoryCollapser
{
    /// <summary>Copies listed per hit at most (<see cref="SearchHit.CopyCount"/> counts them all).</summary>
    public const int MaxListedCopies = 20;

    private static readonly HashSet<string> CopyFields =
        [NewsFields.Id, NewsFields.Source, NewsFields.Category, NewsFields.Url, NewsFields.Date];

    /// <summary>
    /// Ranked hits to ask for when a page needs <paramref name="wanted"/> stories: twice as many, at least 20 more. A few
    /// percent of the top hits are copies, so this almost always suffices, and the two-phase ranking ranks 100 anyway.
    /// </summary>
    public static int Candidates(int wanted) => wanted + Math.Max(wanted, 20);

    /// <summary>
    /// The hits standing for stories <c>(page − 1) · size + 1</c> to <c>page · size</c> of the collapsed order.
    /// <paramref name="rank"/> ranks more hits (the given count) when the first <paramref name="ranked"/> run out.
    /// </summary>
    public static ScoreDoc[] Page(ScoreDoc[] ranked, int asked, Func<int, ScoreDoc[]> rank, StoryClusters clusters, int page, int size)
    {
        while (true)
        {
            var (hits, filled) = Slice(ranked, clusters, (page - 1) * size, size);
            if (filled || ranked.Length < asked)
            {
                return hits;
            }

            asked = (int)Math.Min((long)asked * 4, int.MaxValue / 2);
            ranked = rank(asked);
        }
    }

    /// <summary>The other live articles of <paramref name="doc"/>'s story (newest first, at most <see cref="MaxListedCopies"/>), and how many there are.</summary>
    public static (IReadOnlyList<StoryCopy> Copies, int Count) Copies(IndexSearcher searcher, StoryClusters clusters, int doc)
    {
        var cluster = clusters.ClusterOf(doc);
        if (cluster < 0)
        {
            return ([], 0);
        }

        var members = clusters.Members(cluster);
        var copies = new List<(StoryCopy Copy, DateTimeOffset? PublishedAt)>(members.Count - 1);
        foreach (var member in members)
        {
            if (member == doc)
            {
                continue;
            }

            var stored = searcher.Doc(member, CopyFields);
            var date = stored.Get(NewsFields.Date);
            var copy = new StoryCopy(stored.Get(NewsFields.Id), stored.Get(NewsFields.Source), stored.Get(NewsFields.Category),
                stored.Get(NewsFields.Url), date);
            copies.Add((copy, PublicationDate.TryParse(date, out var publishedAt) ? publishedAt : null));
        }

        var listed = copies
            .OrderByDescending(entry => entry.PublishedAt ?? DateTimeOffset.MinValue)
            .ThenBy(entry => entry.Copy.Id, StringComparer.Ordinal)
            .Take(MaxListedCopies)
            .Select(entry => entry.Copy)
            .ToList();
        return (listed, copies.Count);
    }

    // Skips `skip` stories of the collapsed order and takes up to `size`; filled when it found all of them.
    private static (ScoreDoc[] Hits, bool Filled) Slice(ScoreDoc[] ranked, StoryClusters clusters, int skip, int size)
    {
        var seen = new HashSet<int>();
        var hits = new List<ScoreDoc>(size);
        var stories = 0;
        foreach (var hit in ranked)
        {
            var cluster = clusters.ClusterOf(hit.Doc);
            if (cluster >= 0 && !seen.Add(cluster))
            {
                continue;
            }

            if (stories++ >= skip)
            {
                hits.Add(hit);
                if (hits.Count == size)
                {
                    return ([.. hits], true);
                }
            }
        }

        return ([.. hits], false);
    }
}
