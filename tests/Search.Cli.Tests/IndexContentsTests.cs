using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Cli.Bench;
using Search.Core.Schema;

namespace Search.Cli.Tests;

/// <summary>#6: the tokens the bench sets beside each build's speed are the tokens its postings hold; the segments are the reader's.</summary>
public sealed class IndexContentsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void CountsEveryAnalyzedTokenOfEverySegmentAndNothingOfUnanalyzedFields()
    {
        var path = Path.Combine(_temp.Path, "index");
        using (var directory = FSDirectory.Open(path))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(IndexVersion.Lucene, new WhitespaceAnalyzer(IndexVersion.Lucene))))
        {
            writer.AddDocument(new Document
            {
                new StringField("id", "one", Field.Store.YES),
                new TextField("title", "a b", Field.Store.NO),
                new TextField("body", "a b c a", Field.Store.NO),
            });
            writer.Commit();
            writer.AddDocument(new Document
            {
                new StringField("id", "two", Field.Store.YES),
                new TextField("body", "d e f", Field.Store.NO),
                new Int64Field("date", 20251129, Field.Store.NO),
            });
            writer.Commit();
        }

        Assert.Equal(new IndexContents(Tokens: 2 + 4 + 3, Segments: 2), IndexContents.Read(path));
    }
}
