using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Schema;

namespace Search.Core.Tests.Schema;

public sealed class IndexSchemaTests
{
    [Fact]
    public void AcceptsACommitCarryingOurSchemaVersion()
    {
        using var directory = new RAMDirectory();
        CommitOneDocument(directory, IndexSchema.CommitData());

        var commit = LastCommit(directory);

        Assert.Equal(IndexVersion.Schema, IndexSchema.ReadVersion(commit));
        Assert.Null(IndexSchema.Check(commit, "index-data/index"));
    }

    [Fact]
    public void RefusesACommitWithoutSchemaVersionAndSaysHowToRebuild()
    {
        using var directory = new RAMDirectory();
        CommitOneDocument(directory, commitData: null);

        var commit = LastCommit(directory);
        var message = IndexSchema.Check(commit, "index-data/index");

        Assert.Null(IndexSchema.ReadVersion(commit));
        Assert.NotNull(message);
        Assert.Contains("index-data/index", message);
        Assert.Contains("no schema version", message);
        Assert.Contains("reindex", message);
    }

    [Fact]
    public void RefusesACommitOfAnotherSchemaVersion()
    {
        using var directory = new RAMDirectory();
        CommitOneDocument(directory, new Dictionary<string, string> { [IndexVersion.SchemaKey] = "999" });

        var commit = LastCommit(directory);
        var message = IndexSchema.Check(commit, "somewhere");

        Assert.Equal(999, IndexSchema.ReadVersion(commit));
        Assert.Contains("schema version 999", message);
    }

    [Theory]
    [InlineData("one")]
    [InlineData("-1")]
    [InlineData("")]
    public void ReadsAnUnreadableVersionAsNone(string value)
    {
        using var directory = new RAMDirectory();
        CommitOneDocument(directory, new Dictionary<string, string> { [IndexVersion.SchemaKey] = value });

        var commit = LastCommit(directory);

        Assert.Null(IndexSchema.ReadVersion(commit));
        Assert.Contains("no schema version", IndexSchema.Check(commit, "somewhere"));
    }

    private static void CommitOneDocument(Lucene.Net.Store.Directory directory, IDictionary<string, string>? commitData)
    {
        var config = new IndexWriterConfig(IndexVersion.Lucene, NewsAnalyzerFactory.Create());
        using var writer = new IndexWriter(directory, config);
        writer.AddDocument(NewsDocumentMapper.ToDocument(new NewsArticle("sample-0001", "نص قصير")));
        if (commitData is not null)
        {
            writer.SetCommitData(commitData);
        }

        writer.Commit();
    }

    private static IndexCommit LastCommit(Lucene.Net.Store.Directory directory) =>
        DirectoryReader.ListCommits(directory).Last();
}
