using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Search.Cli.Bench;

/// <summary>What an index built by the bench holds: the tokens its postings hold and the segments it was left in.</summary>
/// <remarks>
/// Inverting costs per token (a hash lookup and a few bytes of postings each), so the bench sets each build's speed
/// beside the tokens it wrote: the reference indexes title and body once, news-search seven analyzed fields (#6).
/// <see cref="Tokens"/> is, over the segments and fields, the sum of each field's total term frequency; fields indexed
/// without frequencies (ids, facets, dates) count nothing. A search looks each of its terms up in every segment, so
/// <see cref="Segments"/> explains much of how search cost grows with <c>--scale</c> (README "How cost grows").
/// </remarks>
internal sealed record IndexContents(long Tokens, int Segments)
{
    /// <summary>The contents of the index at <paramref name="path"/>.</summary>
    public static IndexContents Read(string path)
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

        return new IndexContents(tokens, reader.Leaves.Count);
    }
}
