namespace Search.Api.Judging;

/// <summary>Where the judging workbench (#5) keeps its data, and the key that guards its writes.</summary>
/// <param name="StorePath">The SQLite file of judgments and uploaded query sets.</param>
/// <param name="QuerySetsPath">The folder of read-only query sets (<c>*.tsv</c>, <c>qid&lt;TAB&gt;text</c>).</param>
/// <param name="RankingsPath">The folder of extra ranking configurations (<c>*.json</c>) offered for comparison.</param>
/// <param name="WriteKey">The key every write must carry in <see cref="WriteKeyHeader"/>; null when writes are open to this machine only.</param>
/// <param name="MaxUploadBytes">The largest body of a query-set upload or a qrels import.</param>
public sealed record JudgingSettings(string StorePath, string QuerySetsPath, string RankingsPath, string? WriteKey, long MaxUploadBytes)
{
    /// <summary>Configuration key of the SQLite file (environment <c>Search__Judgments__Path</c>).</summary>
    public const string StorePathKey = "Search:Judgments:Path";

    /// <summary>Configuration key of the folder of query-set files.</summary>
    public const string QuerySetsPathKey = "Search:Judgments:QuerySetsPath";

    /// <summary>Configuration key of the folder of ranking configurations.</summary>
    public const string RankingsPathKey = "Search:Judgments:RankingsPath";

    /// <summary>Configuration key of the write key; unset or empty accepts writes from the server's own machine only (#19).</summary>
    public const string WriteKeyKey = "Search:Judgments:WriteKey";

    /// <summary>The request header carrying the write key.</summary>
    public const string WriteKeyHeader = "X-Judge-Key";

    /// <summary>Defaults, relative to the current directory like the index's <c>index-data/index</c>.</summary>
    public const string DefaultStorePath = "index-data/judgments.db";

    /// <summary>Default folder of query-set files.</summary>
    public const string DefaultQuerySetsPath = "index-data/queries";

    /// <summary>Default folder of ranking configurations.</summary>
    public const string DefaultRankingsPath = "index-data/rankings";

    /// <summary>The largest body of one judgment: a few ids and a query of at most 1,000 characters.</summary>
    public const long MaxJudgmentBytes = 16 * 1024;

    /// <summary>Reads the settings; uploads are capped by the server's request body limit (1 MiB unless configured).</summary>
    public static JudgingSettings From(IConfiguration configuration)
    {
        static string Or(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
        var key = configuration[WriteKeyKey];
        return new JudgingSettings(
            Or(configuration[StorePathKey], DefaultStorePath),
            Or(configuration[QuerySetsPathKey], DefaultQuerySetsPath),
            Or(configuration[RankingsPathKey], DefaultRankingsPath),
            string.IsNullOrEmpty(key) ? null : key,
            configuration.GetValue<long>(ApiProtection.MaxRequestBodyBytesKey, ApiProtection.DefaultMaxRequestBodyBytes));
    }
}
