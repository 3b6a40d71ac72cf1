using Search.Querying;

namespace Search.Cli;

/// <summary>Opens the index for the reading verbs, or says on stderr why it cannot.</summary>
internal static class IndexOpener
{

    /// <summary>
    /// The searcher of <paramref name="indexPath"/>, or null (said on stderr). With <paramref name="variantsPath"/> its
    /// name groups widen searches (bad lines reported on stderr).
    /// </summary>
    public static NewsSearcher? TryOpen(string indexPath, CliConsole console, RankingWeights? weights = null, string? variantsPath = null)
    {
        // The CLI reads one commit and exits: no background refresh needed. No result cache either (#6): a verb runs a
        // query once, and bench-searchbox repeats its queries to time searching, which a cache would replace.
        var searcher = new NewsSearcher(new NewsSearcherOptions(indexPath, RefreshInterval: Timeout.InfiniteTimeSpan, Weights: weights)
        {
            ResultCacheEntries = 0,
            VariantsPath = variantsPath,
        });
        foreach (var error in searcher.Variants.Errors)
        {
            console.Error.WriteLine(error.ToString());
        }

        if (searcher.Status.IsReady)
        {
            return searcher;
        }

        console.Error.WriteLine(searcher.Status.Message);
        searcher.Dispose();
        return null;
    }
}
