using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Schema;
using Search.Core.Storage;

namespace Search.Indexing.Tests;

/// <summary>Paths of the committed fixtures in tests/TestData/indexing, and small probes of a built index.</summary>
internal static class Fixtures
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "TestData", "indexing", .. parts]);

    public static int CountDocuments(IndexLayout layout)
    {
        using var directory = FSDirectory.Open(layout.TryGetCurrent()!);
        using var reader = DirectoryReader.Open(directory);
        return reader.NumDocs;
    }

    public static int? SchemaVersion(IndexLayout layout)
    {
        using var directory = FSDirectory.Open(layout.TryGetCurrent()!);
        using var reader = DirectoryReader.Open(directory);
        return IndexSchema.ReadVersion(reader.IndexCommit);
    }

    public static string? StoredBody(IndexLayout layout, string id)
    {
        using var directory = FSDirectory.Open(layout.TryGetCurrent()!);
        using var reader = DirectoryReader.Open(directory);
        var hits = new IndexSearcher(reader).Search(new TermQuery(NewsDocumentMapper.IdTerm(id)), 2);
        Assert.True(hits.TotalHits <= 1, $"{hits.TotalHits} documents with id {id}");
        return hits.TotalHits == 0 ? null : reader.Document(hits.ScoreDocs[0].Doc).Get(NewsFields.Body);
    }
}
