using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;
using Search.Api.Contracts;
using Search.Api.Endpoints;
using Search.Api.Judging;
using Search.Api.Observability;
using Search.Api.Replication;
using Search.Querying;

namespace Search.Api;

/// <summary>Composes the search API, so <c>Program</c> and the CLI's <c>serve</c> verb host the same application.</summary>
public static class SearchApiApplication
{
    /// <summary>Configuration key of the index root (environment <c>Search__IndexPath</c>).</summary>
    public const string IndexPathKey = "Search:IndexPath";

    /// <summary>Configuration key of the ranking configuration (environment <c>Search__RankingConfig</c>): <c>default</c>, <c>stock</c> or a JSON file path.</summary>
    public const string RankingConfigKey = "Search:RankingConfig";

    /// <summary>Index root used when <see cref="IndexPathKey"/> is not set, relative to the current directory.</summary>
    public const string DefaultIndexPath = "index-data/index";

    /// <summary>Configuration key of the per-query time budget in milliseconds (default 2,000; 0 turns it off).</summary>
    public const string QueryTimeBudgetKey = "Search:Limits:QueryTimeBudgetMs";

    /// <summary>
    /// Configuration key of the result cache's size in pages of up to ten hits (environment <c>Search__ResultCache__Entries</c>;
    /// default 1,024, 0 turns it off). Anything but a whole number of 0 or more stops the start-up.
    /// </summary>
    public const string ResultCacheEntriesKey = "Search:ResultCache:Entries";

    /// <summary>
    /// Configuration key of the variants file (#18; environment <c>Search__Variants__Path</c>): groups of spellings of one
    /// name, searched as one, read again when the file changes. Default <see cref="DefaultVariantsPath"/>; a missing file is no groups.
    /// </summary>
    public const string VariantsPathKey = "Search:Variants:Path";

    /// <summary>The variants file used when <see cref="VariantsPathKey"/> is not set, relative to the current directory.</summary>
    public const string DefaultVariantsPath = "index-data/variants.txt";

    /// <summary>Builds the application; <paramref name="configure"/> may adjust the builder (configuration, services) before it is built.</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Per-request framework logs are noise for a search box; appsettings (when present) can say otherwise.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);

        builder.AddApiProtection();
        builder.AddSearchObservability();

        // #6: Arabic JSON compresses about 5:1; Brotli first, gzip for older clients. Responses carry no secrets, so
        // compressing over HTTPS is safe (nothing for a BREACH-style attack to guess).
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["application/json", "application/problem+json", "text/html", "text/css", "text/javascript", "image/svg+xml"];
        });
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(
            options => options.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(
            options => options.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(options => options
            .AddOperationTransformer(SearchEndpoints.DescribeIntegerParameters)
            .AddOperationTransformer(JudgingEndpoints.DescribeParameters));
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);

            // Arabic as UTF-8 rather than \uXXXX (a third of the bytes); HTML-sensitive characters stay escaped.
            options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });

        // One searcher per process; the container disposes it on shutdown, closing the index.
        builder.Services.AddSingleton(services =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var path = configuration[IndexPathKey];

            // The ranking configuration (#3): a built-in name or a JSON path; a bad one stops startup with its message.
            var ranking = configuration[RankingConfigKey];
            var weights = Search.Querying.Ranking.RankingConfigLoader.Load(string.IsNullOrWhiteSpace(ranking) ? "default" : ranking);
            var budget = configuration.GetValue<double?>(QueryTimeBudgetKey);
            return new NewsSearcher(new NewsSearcherOptions(string.IsNullOrWhiteSpace(path) ? DefaultIndexPath : path, Weights: weights)
            {
                QueryTimeBudget = budget is { } ms ? TimeSpan.FromMilliseconds(ms) : NewsSearcherOptions.DefaultQueryTimeBudget,
                ResultCacheEntries = ResultCacheEntries(configuration),
                VariantsPath = configuration[VariantsPathKey] is { Length: > 0 } variants ? variants : DefaultVariantsPath,

                // #18: a search never waits for the spelling model's first build (seconds, started below with the
                // suggestions); until then corrections are the rare-word did-you-mean and the typo retry.
                WaitForSpellingModel = false,
            });
        });

        // Search-box defaults (#4): read once, a bad value stops the start-up.
        builder.Services.AddSingleton(services => SearchBoxSettings.From(services.GetRequiredService<IConfiguration>()));

        // The judging workbench (#5): its store is the only thing the API writes, opened on first use.
        builder.Services.AddSingleton(services => JudgingSettings.From(services.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(services => new JudgmentStore(services.GetRequiredService<JudgingSettings>().StorePath));
        builder.Services.AddSingleton<QuerySetCatalog>();
        builder.Services.AddSingleton<RankingCatalog>();
        builder.Services.AddSingleton<JudgingRunner>();

        // Replication (#19): only with a key; the API then also serves its live commit, read-only, to followers.
        builder.AddReplication();

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A malformed request is the client's fault; anything else is a 500 with a trace id and no details.
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseApiProtection();
        app.UseResponseCompression();
        app.UsePageAssets();

        app.MapOpenApi();
        app.MapSearchEndpoints();
        app.MapSuggestEndpoints();
        app.MapDocumentEndpoints();
        app.MapAnalyzeEndpoints();
        app.MapHealthEndpoints();
        app.MapJudgingEndpoints();
        app.MapSearchMetrics();
        app.MapPageEndpoints();
        app.MapReplicationEndpoints();

        // Settings are read now, so a bad value stops the start-up with its message instead of failing the first request.
        app.Services.GetRequiredService<SearchBoxSettings>();
        app.Services.GetRequiredService<JudgingSettings>();

        // Open the index at startup rather than on the first request, and say what is served.
        var searcher = app.Services.GetRequiredService<NewsSearcher>();
        app.Logger.LogInformation("Index root {Root}: {Status}", searcher.IndexPath, searcher.Status.Message);
        app.Logger.LogInformation("Name variants: {Groups} groups from {Path}", searcher.Variants.Groups.Count, searcher.Variants.Path);
        foreach (var error in searcher.Variants.Errors)
        {
            app.Logger.LogWarning("Variants line not used: {Error}", error.ToString());
        }

        // Suggestions need a dictionary of the index: build it in the background now, not on the first keystroke.
        if (searcher.Status.IsReady)
        {
            try
            {
                searcher.PrepareSuggestions();
            }
            catch (IndexUnavailableException)
            {
                // Gone between the check and the lease: the first /suggest builds it.
            }
        }
        return app;
    }

    // #6: a typo here would otherwise silently run without a cache, or with one far larger than meant.
    private static int ResultCacheEntries(IConfiguration configuration)
    {
        var text = configuration[ResultCacheEntriesKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return NewsSearcherOptions.DefaultResultCacheEntries;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var entries))
        {
            throw new InvalidOperationException(
                $"{ResultCacheEntriesKey} must be a whole number of result pages to cache, 0 (no cache) or more, not '{text}'.");
        }

        return entries;
    }
}
