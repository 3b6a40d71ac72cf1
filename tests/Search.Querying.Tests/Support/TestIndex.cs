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

    public static IReadOnlyList<NewsArticle> Load(string path) => Parse(File.ReadLines(path));

    /// <summary>The articles of JSON Lines (id, title, body, category, source, url, date).</summary>
    public static IReadOnlyList<NewsArticle> Parse(IEnumerable<string> lines)
    {
        return lines
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

    /// <summary>The checkout's root (where Search.sln is), for the sample corpus and <c>../shared</c>.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Search.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Search.sln above {AppContext.BaseDirectory}.");
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
            Codec = NewsCodec.Instance,
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
