using Search.Core.Storage;

namespace Search.Indexing.Tests;

/// <summary>Indexes the shared ANT sample corpus (../shared/corpus beside the repository) when it is there.</summary>
public sealed class SharedCorpusTests
{
    private const string SampleName = "news-sample.jsonl.gz";

    [Fact]
    public void IndexesTheSampleCorpusAndReindexingInPlaceReplacesEveryRecord()
    {
        var sample = FindSample() ?? throw SkipMissing();
        using var temp = new TempDirectory();
        var layout = new IndexLayout(temp.File("index"));
        var service = new IndexingService();
        var token = TestContext.Current.CancellationToken;

        var first = service.Index(layout, [sample], new IndexingOptions(), token);
        var second = service.Index(layout, [sample], new IndexingOptions(), token);

        Assert.Equal((2000, 2000, 0, 0), (first.Read, first.Indexed, first.Replaced, first.Skipped));
        Assert.Equal((2000, 0, 2000, 0), (second.Read, second.Indexed, second.Replaced, second.Skipped));
        Assert.Equal(2000, Fixtures.CountDocuments(layout));
    }

    private static Exception SkipMissing()
    {
        Assert.Skip($"../shared/corpus/{SampleName} not found beside the repository; CI has it.");
        return new InvalidOperationException("unreachable");
    }

    // The repository root holds Search.sln; the shared folder is its sibling.
    private static string? FindSample()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Search.sln")))
            {
                var sample = Path.Combine(folder.FullName, "..", "shared", "corpus", SampleName);
                return File.Exists(sample) ? Path.GetFullPath(sample) : null;
            }
        }

        return null;
    }
}
