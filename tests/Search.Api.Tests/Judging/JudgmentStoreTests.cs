using Microsoft.Data.Sqlite;
using Search.Api.Judging;
using Search.Evaluation.Qrels;
using Search.Evaluation.Topics;

namespace Search.Api.Tests.Judging;

public sealed class JudgmentStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "search-api-tests", "store-" + Guid.NewGuid().ToString("N"));

    private string StorePath => Path.Combine(_folder, "sub", "judgments.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [Fact]
    public void StoresAndReadsBackAJudgment()
    {
        var store = new JudgmentStore(StorePath);

        var stored = store.Upsert("s01", "sample-0001", 2, "المركزي يبقي الفائدة");

        Assert.Equal(new Judgment("s01", "sample-0001", 2, "المركزي يبقي الفائدة", stored.UpdatedAt), Assert.Single(store.ForQuery("s01")));
        Assert.Empty(store.ForQuery("s02"));
        Assert.Equal("المركزي يبقي الفائدة", store.QueryText("s01"));
        Assert.True(File.Exists(StorePath));
    }

    [Fact]
    public void CreatesSchemaVersionOneInWalMode()
    {
        new JudgmentStore(StorePath).JudgedCounts();

        using var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = "PRAGMA journal_mode";
        var journal = (string?)command.ExecuteScalar();

        Assert.Equal(JudgmentStore.SchemaVersion, version);
        Assert.Equal("wal", journal);
    }

    [Fact]
    public void SurvivesARestart()
    {
        var first = new JudgmentStore(StorePath);
        first.Upsert("s01", "sample-0001", 3, "نص");
        first.SaveQuerySet("mine", [new Topic("m1", "الذهب"), new Topic("m2", "النفط")]);
        SqliteConnection.ClearAllPools();

        var second = new JudgmentStore(StorePath);

        Assert.Equal(3, Assert.Single(second.ForQuery("s01")).Grade);
        Assert.Equal([new Topic("m1", "الذهب"), new Topic("m2", "النفط")], second.GetQuerySet("mine"));
    }

    [Fact]
    public void UpsertReplacesTheGradeAndKeepsTheTextWhenNoneIsGiven()
    {
        var store = new JudgmentStore(StorePath);
        store.Upsert("q1", "d1", 1, "نص أول");

        store.Upsert("q1", "d1", 3, null);

        var judgment = Assert.Single(store.ForQuery("q1"));
        Assert.Equal(3, judgment.Grade);
        Assert.Equal("نص أول", judgment.QueryText);
    }

    [Fact]
    public void RefusesAGradeOffTheScale()
    {
        var store = new JudgmentStore(StorePath);

        Assert.Throws<ArgumentOutOfRangeException>(() => store.Upsert("q1", "d1", 4, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Import([new Qrel("q1", "d1", 1), new Qrel("q1", "d2", -1)]));
        Assert.Empty(store.All());
    }

    [Fact]
    public void DeletesOneJudgment()
    {
        var store = new JudgmentStore(StorePath);
        store.Upsert("q1", "d1", 1, null);
        store.Upsert("q1", "d2", 2, null);

        Assert.True(store.Delete("q1", "d1"));
        Assert.False(store.Delete("q1", "d1"));
        Assert.Equal(["d2"], store.ForQuery("q1").Select(j => j.DocId));
    }

    [Fact]
    public void ImportsGoodQrelsLinesAndReportsBadOnes()
    {
        var store = new JudgmentStore(StorePath);
        store.Upsert("q2", "d9", 0, "نص");
        using var reader = new StringReader("q2 0 d9 2\nq1 0 d1 1\nq1 0 d2 5\nq1 0 d3\nq1 0 d4 x\n\nq3 0 d1 0\n");

        var read = QrelsReader.Read(reader, "upload", q => JudgingRules.GradeProblem(q.Grade));
        var imported = store.Import(read.Value.All());

        Assert.Equal(3, imported);
        Assert.Equal([3, 4, 5], read.Errors.Select(e => e.Line));
        Assert.Equal(
            [("q1", "d1", 1), ("q2", "d9", 2), ("q3", "d1", 0)],
            store.All().Select(j => (j.QueryId, j.DocId, j.Grade)));
        Assert.Equal("نص", store.QueryText("q2"));
        Assert.Null(store.QueryText("q3"));
    }

    [Fact]
    public void ListsJudgmentsInOrdinalOrderForExport()
    {
        var store = new JudgmentStore(StorePath);
        foreach (var (query, doc) in new[] { ("s10", "b"), ("s02", "z"), ("s10", "a"), ("S01", "c"), ("s02", "a") })
        {
            store.Upsert(query, doc, 1, null);
        }

        using var writer = new StringWriter();
        QrelsWriter.Write(writer, new QrelSet(store.All().Select(j => new Qrel(j.QueryId, j.DocId, j.Grade))));

        Assert.Equal(
            [("S01", "c"), ("s02", "a"), ("s02", "z"), ("s10", "a"), ("s10", "b")],
            store.All().Select(j => (j.QueryId, j.DocId)));
        Assert.Equal("S01 0 c 1\ns02 0 a 1\ns02 0 z 1\ns10 0 a 1\ns10 0 b 1\n", writer.ToString());
        Assert.Equal(new Dictionary<string, int> { ["S01"] = 1, ["s02"] = 2, ["s10"] = 2 }, store.JudgedCounts());
    }

    [Fact]
    public void ReplacesAnUploadedSetKeepingItsOrderAndCreationTime()
    {
        var clock = new SteppingClock();
        var store = new JudgmentStore(StorePath, clock);
        store.SaveQuerySet("mine", [new Topic("b", "ب"), new Topic("a", "أ")]);
        var created = Assert.Single(store.ListQuerySets()).Created;

        store.SaveQuerySet("mine", [new Topic("c", "ج"), new Topic("b", "ب"), new Topic("a", "أ")]);

        Assert.Equal(new UploadedQuerySet("mine", created, 3), Assert.Single(store.ListQuerySets()));
        Assert.Equal(["c", "b", "a"], store.GetQuerySet("mine")!.Select(t => t.Id));
        Assert.Null(store.GetQuerySet("other"));
    }

    [Fact]
    public void RefusesAStoreOfANewerSchema()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
        using (var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 2";
            command.ExecuteNonQuery();
        }

        var store = new JudgmentStore(StorePath);

        var refused = Assert.Throws<JudgmentStoreException>(() => store.All());
        Assert.Contains("schema version 2", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsAnUnusableFileAsAStoreFailure()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
        File.WriteAllText(StorePath, "this is not a database, just text long enough to have a header of sorts....");

        var store = new JudgmentStore(StorePath);

        Assert.Throws<JudgmentStoreException>(() => store.Upsert("q", "d", 1, null));
    }

    private sealed class SteppingClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now = _now.AddMinutes(1);
    }
}
