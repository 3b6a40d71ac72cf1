using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Core.Storage;
using Search.Indexing.Corpus;

namespace Search.Indexing.Tests;

public sealed class IndexingServiceTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly IndexingService _service = new();
    private readonly IndexLayout _layout;

    public IndexingServiceTests()
    {
        _layout = new IndexLayout(_temp.File("index"));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    private int SegmentCount()
    {
        using var directory = FSDirectory.Open(_layout.TryGetCurrent()!);
        var infos = new SegmentInfos();
        infos.Read(directory);
        return infos.Count;
    }

    [Fact]
    public void IndexesIntoGenerationOneOfAnEmptyRoot()
    {
        var report = _service.Index(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions(), Token);

        Assert.Equal((4, 4, 0, 0), (report.Read, report.Indexed, report.Replaced, report.Skipped));
        Assert.False(report.StoppedAtMaxErrors);
        Assert.False(report.Cancelled);
        Assert.True(report.Published);
        Assert.True(report.IsClean);
        Assert.Equal(Path.Combine(_layout.Root, "gen-000001"), report.IndexPath);
        Assert.Equal(report.IndexPath, _layout.TryGetCurrent());
        Assert.Equal(4, Fixtures.CountDocuments(_layout));
    }

    [Fact]
    public void CommitCarriesTheSchemaVersion()
    {
        _service.Index(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions(), Token);

        Assert.Equal(IndexVersion.Schema, Fixtures.SchemaVersion(_layout));
    }

    [Fact]
    public void IndexingTwiceKeepsTheCountAndReportsReplaced()
    {
        string[] files = [Fixtures.Path("tiny.jsonl"), Fixtures.Path("pages")];
        var expanded = CorpusFiles.Expand(files).Files;
        _service.Index(_layout, expanded, new IndexingOptions(), Token);

        var again = _service.Index(_layout, expanded, new IndexingOptions(), Token);

        Assert.Equal((9, 0, 9, 0), (again.Read, again.Indexed, again.Replaced, again.Skipped));
        Assert.Equal(9, Fixtures.CountDocuments(_layout));
        Assert.Single(_layout.ListGenerations());
    }

    [Fact]
    public void MergeLeavesOneSegmentWithEveryDocumentAndTheCommitData()
    {
        _service.Index(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions(), Token);
        _service.Index(_layout, CorpusFiles.Expand([Fixtures.Path("pages")]).Files, new IndexingOptions(), Token);
        Assert.True(SegmentCount() >= 2);
        var extra = _temp.Write("extra.jsonl", "{\"id\": \"extra-1\", \"body\": \"نص إضافي\"}");

        var report = _service.Index(_layout, [extra], new IndexingOptions { MergeToOneSegment = true }, Token);

        Assert.True(report.IsClean);
        Assert.Equal(1, SegmentCount());
        Assert.Equal(10, Fixtures.CountDocuments(_layout));
        Assert.Equal(IndexVersion.Schema, Fixtures.SchemaVersion(_layout));
    }

    [Fact]
    public void RepeatedIdInOneRunIsReplacedByTheLaterRecord()
    {
        var lines = Enumerable.Range(0, 200)
            .Select(i => $"{{\"id\": \"doc-{i % 20}\", \"body\": \"version {i / 20}\"}}");
        var path = _temp.Write("repeats.jsonl", string.Join('\n', lines));

        var report = _service.Index(_layout, [path], new IndexingOptions(), Token);

        Assert.Equal((20, 180), (report.Indexed, report.Replaced));
        Assert.Equal(20, Fixtures.CountDocuments(_layout));
        Assert.Equal("version 9", Fixtures.StoredBody(_layout, "doc-7"));
    }

    [Fact]
    public void LaterRecordWinsWhateverWorkerWritesTheEarlierOne()
    {
        // 1,500 ids, each written twice, the second time 1 to 97 records later: the two records of an id fall in the
        // same batch or in batches that different workers take at the same moment. The later one must win every time.
        var lines = new List<string>();
        var pending = new Queue<(int Id, int Due)>();
        for (var id = 0; id < 1500; id++)
        {
            lines.Add($"{{\"id\": \"doc-{id}\", \"body\": \"first\"}}");
            pending.Enqueue((id, lines.Count + 1 + id % 97));
            while (pending.TryPeek(out var next) && next.Due <= lines.Count)
            {
                lines.Add($"{{\"id\": \"doc-{pending.Dequeue().Id}\", \"body\": \"second\"}}");
            }
        }

        lines.AddRange(pending.Select(next => $"{{\"id\": \"doc-{next.Id}\", \"body\": \"second\"}}"));
        var path = _temp.Write("pairs.jsonl", string.Join('\n', lines));

        var report = _service.Index(_layout, [path], new IndexingOptions(), Token);

        Assert.Equal((1500, 1500), (report.Indexed, report.Replaced));
        using var directory = FSDirectory.Open(_layout.TryGetCurrent()!);
        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(1500, reader.NumDocs);
        var searcher = new IndexSearcher(reader);
        var stale = searcher.Search(new TermQuery(new Term(NewsFields.BodyExact, "first")), 10);
        Assert.Equal(0, stale.TotalHits);
    }

    [Fact]
    public void SkipsBadRecordsReportsThemInOrderAndIndexesTheRest()
    {
        var errors = new List<CorpusLineError>();
        var options = new IndexingOptions { OnError = errors.Add };

        var report = _service.Index(_layout, [Fixtures.Path("bad-lines.jsonl")], options, Token);

        Assert.Equal((14, 2, 0, 12), (report.Read, report.Indexed, report.Replaced, report.Skipped));
        Assert.False(report.IsClean);
        Assert.Equal(Enumerable.Range(2, 12), errors.Select(error => error.Line));
        Assert.Equal(2, Fixtures.CountDocuments(_layout));
    }

    [Fact]
    public void StopsAfterMaxErrorsAndCommitsTheGoodRecords()
    {
        var options = new IndexingOptions { MaxErrors = 1 };

        var report = _service.Index(
            _layout, [Fixtures.Path("bad-lines.jsonl"), Fixtures.Path("tiny.jsonl")], options, Token);

        Assert.True(report.StoppedAtMaxErrors);
        Assert.Equal((3, 1, 2), (report.Read, report.Indexed, report.Skipped));
        Assert.Equal(1, Fixtures.CountDocuments(_layout));
    }

    [Fact]
    public void CancellationCommitsWhatWasIndexedAndSaysSo()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var options = new IndexingOptions { OnError = _ => cancel.Cancel() };

        var report = _service.Index(
            _layout, [Fixtures.Path("bad-lines.jsonl"), Fixtures.Path("tiny.jsonl")], options, cancel.Token);

        Assert.True(report.Cancelled);
        Assert.Equal((2, 1, 1), (report.Read, report.Indexed, report.Skipped));
        Assert.Equal(1, Fixtures.CountDocuments(_layout));
        Assert.Equal(IndexVersion.Schema, Fixtures.SchemaVersion(_layout));
    }

    [Fact]
    public void ReportsMissingAndUnsupportedFilesAsSkipped()
    {
        var errors = new List<string>();
        var missing = _temp.File("gone.jsonl");
        var other = _temp.Write("notes.md", "# notes");

        var report = _service.Index(_layout, [missing, other, Fixtures.Path("tiny.jsonl")],
            new IndexingOptions { OnError = error => errors.Add(error.ToString()) }, Token);

        Assert.Equal((6, 4, 2), (report.Read, report.Indexed, report.Skipped));
        Assert.Equal(
            [$"{missing}: no such file or directory", $"{other}: {CorpusFiles.UnsupportedReason}"], errors);
    }

    [Fact]
    public void ReportsProgressUpToTheTotalSize()
    {
        var progress = new Recorder();
        string[] files = [Fixtures.Path("tiny.jsonl"), Fixtures.Path("good.jsonl.gz")];
        var total = files.Sum(file => new FileInfo(file).Length);

        _service.Index(_layout, files, new IndexingOptions { Progress = progress }, Token);

        var last = progress.Reports[^1];
        Assert.Equal((7, total, total), (last.Documents, last.BytesRead, last.TotalBytes));
    }

    [Fact]
    public void RefusesToWriteIntoAnIndexOfAnotherSchemaVersion()
    {
        WriteForeignIndex("999");

        var error = Assert.Throws<IndexSchemaMismatchException>(
            () => _service.Index(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions(), Token));

        Assert.Equal(IndexSchema.Check(ForeignCommit(), _layout.Root), error.Message);
        Assert.Contains("schema version 999", error.Message, StringComparison.Ordinal);
        Assert.Throws<IndexSchemaMismatchException>(() => _service.Delete(_layout, ["x"]));
        Assert.Equal(1, Fixtures.CountDocuments(_layout));
    }

    [Fact]
    public void ReindexSwitchesToANewGenerationAndRemovesTheOld()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("Deleting a generation a reader holds open is only possible on Linux.");
        }

        _service.Index(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions(), Token);
        var old = _layout.TryGetCurrent()!;
        using var oldDirectory = FSDirectory.Open(old);
        using var oldReader = DirectoryReader.Open(oldDirectory);

        var report = _service.Reindex(_layout, [Fixtures.Path("good.jsonl.gz")], new IndexingOptions(), Token);

        Assert.True(report.Published);
        Assert.Equal((3, 3, 0), (report.Read, report.Indexed, report.Replaced));
        Assert.Equal(Path.Combine(_layout.Root, "gen-000002"), _layout.TryGetCurrent());
        Assert.Equal([report.IndexPath], _layout.ListGenerations());
        Assert.False(System.IO.Directory.Exists(old));
        Assert.Equal(3, Fixtures.CountDocuments(_layout));
        Assert.Equal(IndexVersion.Schema, Fixtures.SchemaVersion(_layout));
        Assert.Equal(4, oldReader.NumDocs);
        Assert.NotNull(oldReader.Document(3).Get(NewsFields.Body));
    }

    [Fact]
    public void ReindexIntoAnEmptyRootMakesItLive()
    {
        var report = _service.Reindex(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions(), Token);

        Assert.True(report.Published);
        Assert.Equal(report.IndexPath, _layout.TryGetCurrent());
        Assert.Equal(4, Fixtures.CountDocuments(_layout));
    }

    [Fact]
    public void CancelledReindexLeavesTheLiveIndexUntouched()
    {
        _service.Index(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions(), Token);
        var live = _layout.TryGetCurrent()!;

        var report = _service.Reindex(
            _layout, [Fixtures.Path("good.jsonl.gz")], new IndexingOptions(), new CancellationToken(canceled: true));

        Assert.True(report.Cancelled);
        Assert.False(report.Published);
        Assert.Equal(live, _layout.TryGetCurrent());
        Assert.Equal([live], _layout.ListGenerations());
        Assert.Equal(4, Fixtures.CountDocuments(_layout));
    }

    [Fact]
    public void ReindexStoppedAtMaxErrorsLeavesTheLiveIndexUntouched()
    {
        _service.Index(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions(), Token);
        var live = _layout.TryGetCurrent()!;

        var report = _service.Reindex(
            _layout, [Fixtures.Path("bad-lines.jsonl")], new IndexingOptions { MaxErrors = 0 }, Token);

        Assert.True(report.StoppedAtMaxErrors);
        Assert.False(report.Published);
        Assert.Equal([live], _layout.ListGenerations());
        Assert.Equal(4, Fixtures.CountDocuments(_layout));
    }

    [Fact]
    public void ReindexThatFindsNoRecordLeavesTheLiveIndexUntouched()
    {
        _service.Index(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions(), Token);

        var report = _service.Reindex(_layout, [], new IndexingOptions(), Token);

        Assert.False(report.Published);
        Assert.Single(_layout.ListGenerations());
        Assert.Equal(4, Fixtures.CountDocuments(_layout));
    }

    [Fact]
    public void DeleteRemovesFoundIdsAndListsAbsentOnes()
    {
        _service.Index(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions(), Token);

        var report = _service.Delete(_layout, ["tiny-2", "nope", "tiny-2", "tiny-4"]);

        Assert.Equal(["tiny-2", "tiny-4"], report.Deleted);
        Assert.Equal(["nope"], report.Absent);
        Assert.Equal(_layout.TryGetCurrent(), report.IndexPath);
        Assert.Equal(2, Fixtures.CountDocuments(_layout));
        Assert.Null(Fixtures.StoredBody(_layout, "tiny-2"));
        Assert.Equal(IndexVersion.Schema, Fixtures.SchemaVersion(_layout));
        Assert.Equal(["tiny-2"], _service.Delete(_layout, ["tiny-2"]).Absent);
    }

    [Fact]
    public void ReplacedCountIgnoresDeletedDocumentsStillInTheirSegment()
    {
        _service.Index(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions(), Token);
        _service.Delete(_layout, ["tiny-1"]);

        var report = _service.Index(_layout, [Fixtures.Path("tiny.jsonl")], new IndexingOptions(), Token);

        Assert.Equal((1, 3), (report.Indexed, report.Replaced));
    }

    [Fact]
    public void DeleteWithoutAnIndexSaysThereIsNone()
    {
        var error = Assert.Throws<IndexMissingException>(() => _service.Delete(_layout, ["x"]));

        Assert.Equal(_layout.Root, error.Root);
    }

    private void WriteForeignIndex(string schemaVersion)
    {
        var generation = _layout.CreateGeneration();
        using (var directory = FSDirectory.Open(generation))
        using (var analyzer = NewsAnalyzerFactory.Create())
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(IndexVersion.Lucene, analyzer)))
        {
            writer.AddDocument(new Document { new StringField(NewsFields.Id, "old", Field.Store.YES) });
            writer.SetCommitData(new Dictionary<string, string> { [IndexVersion.SchemaKey] = schemaVersion });
            writer.Commit();
        }

        _layout.Switch(generation);
    }

    private IndexCommit ForeignCommit()
    {
        using var directory = FSDirectory.Open(_layout.TryGetCurrent()!);
        return DirectoryReader.ListCommits(directory)[^1];
    }

    private sealed class Recorder : IProgress<IndexingProgress>
    {
        public List<IndexingProgress> Reports { get; } = [];

        public void Report(IndexingProgress value) => Reports.Add(value);
    }
}
