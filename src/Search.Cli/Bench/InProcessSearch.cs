using System.Diagnostics;
using Search.Querying;

namespace Search.Cli.Bench;

/// <summary>Times searches in this process, one thread, one after the other.</summary>
internal static class InProcessSearch
{
    /// <summary>Runs the first <paramref name="warmUp"/> requests untimed, then times each of the rest.</summary>
    public static LatencyStats Measure(IReadOnlyList<SearchRequest> workload, int warmUp, Action<SearchRequest> search)
    {
        foreach (var request in workload.Take(warmUp))
        {
            search(request);
        }

        var times = new List<double>(workload.Count);
        var clock = Stopwatch.StartNew();
        foreach (var request in workload.Skip(warmUp))
        {
            var started = Stopwatch.GetTimestamp();
            search(request);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return LatencyStats.From(times, clock.Elapsed);
    }

    /// <summary>The same for news-search: the result cache off, the suggestion dictionary (which did-you-mean reads) built first, as for HTTP.</summary>
    public static LatencyStats Measure(string indexRoot, IReadOnlyList<SearchRequest> workload, int warmUp)
    {
        using var searcher = new NewsSearcher(new NewsSearcherOptions(indexRoot, RefreshInterval: Timeout.InfiniteTimeSpan) { ResultCacheEntries = 0 });

        // Otherwise the first searches start building it in the background and the timed ones share the cores with
        // that build and take the slower path used until it is ready.
        searcher.PrepareSuggestions();
        searcher.Suggest("ال");
        return Measure(workload, warmUp, request => searcher.Search(request));
    }
}
