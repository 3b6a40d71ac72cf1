using Search.Querying;

namespace Search.Cli;

/// <summary>Opens the index for the reading verbs, or says on stderr why it cannot.</summary>
internal static class IndexOpener
{
    public static NewsSearcher? TryOpen(string indexPath, CliConsole console, RankingWeights? weights = null)
    {
        // The CLI reads one commit and exits: no background refresh needed.
        var searcher = new NewsSearcher(new NewsSearcherOptions(indexPath, RefreshInterval: Timeout.InfiniteTimeSpan, Weights: weights));
        if (searcher.Status.IsReady)
        {
            return searcher;
        }

        console.Error.WriteLine(searcher.Status.Message);
        searcher.Dispose();
        return null;
    }
}
