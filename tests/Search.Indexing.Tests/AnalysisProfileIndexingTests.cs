using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Core.Storage;

namespace Search.Indexing.Tests;

/// <summary>An analysis profile is an index property (#3): recorded at build time, kept by upserts and deletes, never mixed.</summary>
public sealed class AnalysisProfileIndexingTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly IndexingService _service = new();
    private readonly IndexLayout _layout;

    public AnalysisProfileIndexingTests()
    {
        _layout = new IndexLayout(_temp.File("index"));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    private AnalysisProfile? CommittedProfile()
    {
        using var directory = FSDirectory.Open(_layout.TryGetCurrent()!);
        using var reader = DirectoryReader.Open(directory);
        return IndexSchema.ReadProfile(reader.IndexCommit);
    }

    [Fact]
    public void ReindexRecordsTheRequestedProfileAndUpsertsKeepIt()
    {
        _service.Reindex(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions { Analysis = AnalysisProfile.Stock }, Token);
        _service.Index(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions(), Token);

        Assert.Equal(AnalysisProfile.Stock, CommittedProfile());
    }

    [Fact]
    public void NewIndexGetsTheDefaultProfile()
    {
        _service.Index(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions(), Token);

        Assert.Equal(AnalysisProfile.News, CommittedProfile());
    }

    [Fact]
    public void RefusesToIndexWithAnotherProfileIntoAnExistingIndex()
    {
        _service.Reindex(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions { Analysis = AnalysisProfile.Stock }, Token);

        var error = Assert.Throws<IndexSchemaMismatchException>(() =>
            _service.Index(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions { Analysis = AnalysisProfile.News }, Token));

        Assert.Contains("\"stock\" profile, not \"news\"", error.Message, StringComparison.Ordinal);
    }
}
