using Microsoft.AspNetCore.Builder;
using Search.Api.Replication;
using Search.Core.Storage;

namespace Search.Api.Tests.Support;

/// <summary>
/// A primary on a real socket (127.0.0.1, a free port) over tiny.jsonl with a replication key, and beside its live
/// generation another generation folder holding files of its own: requests go out byte for byte as a test writes them,
/// which the in-memory server cannot take.
/// </summary>
public sealed class KestrelPrimaryFixture : IAsyncLifetime
{
    public const string Key = "replication key of the tests, 7f3a";

    private readonly ApiIndex _index = ApiIndex.WithTiny();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A generation folder that is not live, with an <c>_9.si</c> and a <c>segments_1</c>.</summary>
    public string OtherGeneration => Path.Combine(_index.Root, "gen-000009");

    public string LiveGeneration => new IndexLayout(_index.Root).TryGetCurrent()!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(OtherGeneration);
        await File.WriteAllTextAsync(Path.Combine(OtherGeneration, "_9.si"), "not served");
        await File.WriteAllTextAsync(Path.Combine(OtherGeneration, "segments_1"), "not served");
        _app = SearchApiApplication.Create(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration[SearchApiApplication.IndexPathKey] = _index.Root;
            builder.Configuration[ApiProtection.PermitsPerSecondKey] = "0";
            builder.Configuration[ReplicationSettings.KeyKey] = Key;
        });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _index.Dispose();
    }
}
