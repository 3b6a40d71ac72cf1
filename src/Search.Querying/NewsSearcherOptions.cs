namespace Search.Querying;

/// <summary>How a <see cref="NewsSearcher"/> finds and follows its index.</summary>
/// <param name="IndexPath">Index root: the folder holding CURRENT and the generation folders.</param>
/// <param name="RefreshInterval">
/// How often to look for new commits and a switched generation; null for the default (500 ms),
/// <see cref="Timeout.InfiniteTimeSpan"/> to refresh only when <see cref="NewsSearcher.Refresh"/> is called.
/// </param>
/// <param name="Weights">Ranking weights; null for <see cref="RankingWeights.Default"/>.</param>
public sealed record NewsSearcherOptions(string IndexPath, TimeSpan? RefreshInterval = null, RankingWeights? Weights = null)
{
    /// <summary>The default refresh interval: new commits are visible within about half a second.</summary>
    public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The default of <see cref="QueryTimeBudget"/>: far above any query of ours, a guard, not a tuning knob.</summary>
    public static readonly TimeSpan DefaultQueryTimeBudget = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long one pass over the matches may take; past it, collection stops and the page says
    /// <see cref="SearchPage.TimedOut"/> (hits and counts then cover the documents visited). Zero or less: no budget.
    /// </summary>
    public TimeSpan QueryTimeBudget { get; init; } = DefaultQueryTimeBudget;

    /// <summary>The clock the budget is counted on, in milliseconds; null for Lucene's shared timer thread. A test seam.</summary>
    public Lucene.Net.Util.Counter? BudgetClock { get; init; }

    /// <summary>
    /// The default of <see cref="ResultCacheEntries"/>. A page of ten hits with snippets and facets holds some 15–30 KB
    /// (about 1.3 KB a hit on the sample corpus, more with the longer bodies of real news), so at most some 30 MB.
    /// </summary>
    public const int DefaultResultCacheEntries = 1024;

    /// <summary>
    /// How many result pages to keep per index reader, counted in pages of up to ten hits (a page of 100 hits counts
    /// as ten); 0 turns the cache off. Popular searches are then answered without searching until the next commit
    /// (see <see cref="SearchPage.Cached"/>).
    /// </summary>
    public int ResultCacheEntries { get; init; } = DefaultResultCacheEntries;

    /// <summary>
    /// The variants file (#18, <see cref="Variants.VariantsFile"/>): its groups of spellings of one name are searched as
    /// one, and it is read again when it changes. Null (the default) or a missing file: no groups.
    /// </summary>
    public string? VariantsPath { get; init; }

    /// <summary>
    /// Whether a search waits for the spelling corrector's first language model (#18), as the first suggestion waits for
    /// the first dictionary (the default: verbs that search once, and tests, get the corrections a running server gives).
    /// A server sets it off so that no search waits for a build of seconds: until its first model is built, corrections
    /// are the rare-word did-you-mean and the typo retry, and the pages it serves are not cached.
    /// </summary>
    public bool WaitForSpellingModel { get; init; } = true;
}
