using Search.Indexing.Corpus;

namespace Search.Indexing.Tests.Corpus;

public sealed class CorpusFilesTests
{
    [Fact]
    public void ExpandsFolderRecursivelyInOrdinalOrderSkippingOtherTypes()
    {
        var pages = Fixtures.Path("pages");

        var set = CorpusFiles.Expand([pages]);

        Assert.Empty(set.Errors);
        Assert.Equal(
        [
            Path.Combine(pages, "keeps-words.txt"),
            Path.Combine(pages, "plain.txt"),
            Path.Combine(pages, "share-bar.txt"),
            Path.Combine(pages, "sub", "nested-page.txt"),
            Path.Combine(pages, "wordpress-tail.txt"),
        ], set.Files);
    }

    [Fact]
    public void KeepsNamedFilesInTheOrderGivenAndReadsEachOnce()
    {
        var gz = Fixtures.Path("good.jsonl.gz");
        var tiny = Fixtures.Path("tiny.jsonl");
        var plain = Fixtures.Path("pages", "plain.txt");

        var set = CorpusFiles.Expand([gz, tiny, Fixtures.Path("pages"), plain]);

        Assert.Equal([gz, tiny], set.Files.Take(2));
        Assert.Equal(7, set.Files.Count);
        Assert.Single(set.Files, file => file.EndsWith("plain.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsMissingPathsAndNamedFilesOfOtherTypes()
    {
        var readme = Fixtures.Path("pages", "README.md");
        var missing = Fixtures.Path("nowhere");

        var set = CorpusFiles.Expand([readme, missing]);

        Assert.Empty(set.Files);
        Assert.Equal(
        [
            $"{readme}: unsupported file type; expected .jsonl, .jsonl.gz or .txt",
            $"{missing}: no such file or directory",
        ], set.Errors.Select(error => error.ToString()));
    }
}
