using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Search.Cli.Bench;

/// <summary>How many tokens an index's postings hold: over its segments and fields, the sum of each field's total term frequency.</summary>
/// <remarks>
/// Inverting costs per token (a hash lookup and a few bytes of postings each), so the bench sets each build's speed
/// beside the tokens it wrote: the reference indexes title and body once, news-search seven analyzed fields (#6).
/// Fields indexed without frequencies (ids, facets, dates) count nothing.
/// </remarks>
internal static class IndexTokens
{
    /// <summary>The tokens of the index at <paramref name="path"/>.</summary>
    public static long Count(string path)
    {
        using var directory = FSDirectory.Open(path);
        using var reader = DirectoryReader.Open(directory);
        long tokens = 0;
        foreach (var leaf in reader.Leaves)
        {
            if (leaf.AtomicReader.Fields is not { } fields)
            {
                continue;
            }

            foreach (var field in fields)
            {
                // -1 where the field keeps no frequencies.
                tokens += Math.Max(0, fields.GetTerms(field)?.SumTotalTermFreq ?? 0);
            }
        }

        return tokens;
    }
}
