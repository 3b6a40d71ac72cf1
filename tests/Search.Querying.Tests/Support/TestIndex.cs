using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Core.Storage;

namespace Search.Querying.Tests.Support;

/// <summary>Builds small on-disk indexes in the layout the CLI writes, straight from Core (no Search.Indexing).</summary>
internal static class TestIndex
{
    public static IReadOnlyList<NewsArticle> Tiny { get; } = Load(Path.Combine(AppContext.BaseDirectory, "TestData", "querying", "tiny.jsonl"));

    public static IReadOnlyList<NewsArticle> Load(string path)
    {
        return File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line =>
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                string? Text(string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
                var date = Text("date");
                return new NewsArticle(
                    Text("id")!,
                    Text("body")!,
                    Text("title"),
                    Text("category"),
                    Text("source"),
                    Text("url"),
                    date,
                    PublicationDate.TryParse(date, out var at) ? at : null);
            })
            .ToList();
    }

    /// <summary>Writes <paramref name="articles"/> into a new generation of <paramref name="root"/> and switches to it.</summary>
    public static string CreateGeneration(string root, IEnumerable<NewsArticle> articles, IDictionary<string, string>? commitData = null)
    {
        var layout = new IndexLayout(root);
        var generation = layout.CreateGeneration();
        Commit(generation, articles, commitData, create: true);
        layout.Switch(generation);
        return generation;
    }

    /// <summary>Adds (upserts) <paramref name="articles"/> into an existing generation with a new commit.</summary>
    public static void Commit(string generation, IEnumerable<NewsArticle> articles, IDictionary<string, string>? commitData = null, bool create = false)
    {
        using var directory = FSDirectory.Open(generation);
        var config = new IndexWriterConfig(IndexVersion.Lucene, NewsAnalyzerFactory.Create())
        {
            OpenMode = create ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
        };
        using var writer = new IndexWriter(directory, config);
        foreach (var article in articles)
        {
            writer.UpdateDocument(NewsDocumentMapper.IdTerm(article.Id), NewsDocumentMapper.ToDocument(article));
        }

        writer.SetCommitData(commitData ?? IndexSchema.CommitData());
        writer.Commit();
    }
}
