using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Search.Api;
using Search.Api.Replication;
using Search.Core.Storage;
using Search.Indexing;
using Search.Indexing.Corpus;

namespace Search.Cli.Tests.Replication;

/// <summary>A primary API in this process on 127.0.0.1 (a free port) with a replication key, over an index root it is given, behind <see cref="PrimaryFaults"/>.</summary>
internal sealed class TestPrimary : IAsyncDisposable
{
    public const string Key = "the follower tests' key, 5c1e";

    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private TestPrimary(WebApplication app, IndexLayout layout, PrimaryFaults faults)
    {
        _app = app;
        Layout = layout;
        Faults = faults;
        Address = app.Urls.First();
        _http = new HttpClient { BaseAddress = new Uri(Address) };
        _http.DefaultRequestHeaders.Add(ReplicationSettings.KeyHeader, Key);
    }

    public IndexLayout Layout { get; }

    public PrimaryFaults Faults { get; }

    public string Address { get; }

    /// <summary>Starts a primary on <paramref name="root"/>, indexing the project's sample corpus first when it has no index.</summary>
    public static async Task<TestPrimary> StartAsync(string root, TimeProvider? clock = null)
    {
        var layout = new IndexLayout(root);
        if (layout.TryGetCurrent() is null)
        {
            Index(layout, CliRunner.SampleCorpus);
        }

        var faults = new PrimaryFaults();
        var app = SearchApiApplication.Create(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration[SearchApiApplication.IndexPathKey] = root;
            builder.Configuration[ApiProtection.PermitsPerSecondKey] = "0";
            builder.Configuration[ReplicationSettings.KeyKey] = Key;
            builder.Services.AddSingleton<IStartupFilter>(faults);
            if (clock is not null)
            {
                builder.Services.AddSingleton(clock);
            }
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestPrimary(app, layout, faults);
    }

    /// <summary>Upserts the articles of <paramref name="path"/> into the live generation: a new commit, as <c>index</c> makes.</summary>
    public static void Index(IndexLayout layout, string path) =>
        new IndexingService().Index(layout, CorpusFiles.Expand([path]).Files, new IndexingOptions(), TestContext.Current.CancellationToken);

    public async Task<JsonElement> ManifestAsync() =>
        await _http.GetFromJsonAsync<JsonElement>("replication/manifest", TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Faults.Clear();
        _http.Dispose();
        await _app.DisposeAsync();
    }
}
