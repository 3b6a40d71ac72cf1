using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Search.Api;
using Search.Core.Storage;
using Search.Indexing;
using Search.Indexing.Corpus;

namespace Search.Web.Tests.Support;

/// <summary>
/// The real application on a loopback port (Kestrel, as <c>news-search serve</c> runs it) over an index of the project's
/// sample corpus, with its own judgments store, and one headless Chromium for the whole test collection.
/// </summary>
/// <remarks>
/// The browser is Debian's <c>/usr/bin/chromium</c> (or <c>CHROMIUM_PATH</c>), driven by Playwright; Playwright's own
/// browser download is not used. When Chromium is missing the tests fail with the command that installs it: a browser
/// test that skips itself would pass CI without testing anything.
/// </remarks>
public class WebAppFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "search-web-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where the application listens, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The judgments database the application writes.</summary>
    public string JudgmentsPath => Path.Combine(_root, "judgments.db");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The judging write key the application demands, or null for open writes (the default).</summary>
    public virtual string? WriteKey => null;

    /// <summary>What the index holds: the sample corpus, unless a fixture adds to it.</summary>
    public virtual IReadOnlyList<string> Corpus => [Path.Combine(Repository.Root, "index-data", "sample")];

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        var indexRoot = Path.Combine(_root, "index");
        var files = CorpusFiles.Expand([.. Corpus]);
        var report = new IndexingService().Index(new IndexLayout(indexRoot), files.Files, new IndexingOptions(), CancellationToken.None);
        if (report.Indexed == 0)
        {
            throw new InvalidOperationException("The sample corpus indexed no article.");
        }

        var querySets = Path.Combine(_root, "queries");
        Directory.CreateDirectory(querySets);
        File.Copy(Path.Combine(Repository.Root, "index-data", "queries", "sample.tsv"), Path.Combine(querySets, "sample.tsv"));

        _app = SearchApiApplication.Create([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [SearchApiApplication.IndexPathKey] = indexRoot,
                [ApiProtection.PermitsPerSecondKey] = "0",
                ["Search:Judgments:Path"] = JudgmentsPath,
                ["Search:Judgments:QuerySetsPath"] = querySets,
                ["Search:Judgments:RankingsPath"] = Path.Combine(Repository.Root, "index-data", "rankings"),
                ["Search:Judgments:WriteKey"] = WriteKey,
                [SearchApiApplication.VariantsPathKey] = Path.Combine(Repository.Root, "index-data", "variants.txt"),
            });
        });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');

        // #18: the API's searches never wait for the spelling model; the pages are tested as a running server serves them.
        _app.Services.GetRequiredService<Search.Querying.NewsSearcher>().WaitForSpellingModel(TimeSpan.FromMinutes(2));

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH). "
                + "The browser tests need it and do not skip.");
        }

        // Generous waits: CI and this 2-core machine run other work beside the browser. A wait ends as soon as the
        // condition holds, so a healthy run is no slower; only a real failure takes the whole time.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,

            // This machine has no network: without these Chromium keeps trying to reach Google's services.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>A fresh page (its own context: no shared storage or history) sized like a desktop, or a phone.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            Locale = "ar-EG",
            BaseURL = BaseUrl,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS may still hold a file of the index for a moment.
        }
    }
}

/// <summary>The same application with a judging write key set.</summary>
public sealed class KeyedWebAppFixture : WebAppFixture
{
    public const string Key = "judge-key-for-tests";

    public override string? WriteKey => Key;
}

/// <summary>The sample corpus and tests/TestData/collapsing/stories.jsonl: copies of one story to show as one hit (#21).</summary>
public sealed class StoriesWebAppFixture : WebAppFixture
{
    public override IReadOnlyList<string> Corpus =>
        [.. base.Corpus, Path.Combine(Repository.Root, "tests", "TestData", "collapsing", "stories.jsonl")];
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web";
}
