using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Core.Storage;

namespace Search.Api.Tests.Support;

/// <summary>A temp index root, optionally holding tiny.jsonl, built straight from Core in the CLI's layout.</summary>
internal sealed class ApiIndex : IDisposable
{
    public ApiIndex()
    {
        Root = Path.Combine(Path.GetTempPath(), "search-api-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public static ApiIndex WithTiny()
    {
        var index = new ApiIndex();
        index.Build(LoadTiny());
        return index;
    }

    public void Build(IEnumerable<NewsArticle> articles, IDictionary<string, string>? commitData = null)
    {
        var layout = new IndexLayout(Root);
        var generation = layout.CreateGeneration();
        using (var directory = FSDirectory.Open(generation))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(IndexVersion.Lucene, NewsAnalyzerFactory.Create()) { Codec = NewsCodec.Instance }))
        {
            foreach (var article in articles)
            {
                writer.UpdateDocument(NewsDocumentMapper.IdTerm(article.Id), NewsDocumentMapper.ToDocument(article));
            }

            writer.SetCommitData(commitData ?? IndexSchema.CommitData());
            writer.Commit();
        }

        layout.Switch(generation);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static IEnumerable<NewsArticle> LoadTiny() =>
        LoadJsonLines(Path.Combine(AppContext.BaseDirectory, "TestData", "querying", "tiny.jsonl"));

    /// <summary>The articles of a small JSON Lines fixture (no error handling: fixtures are well formed).</summary>
    public static IEnumerable<NewsArticle> LoadJsonLines(string path)
    {
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
            var date = Text("date");
            yield return new NewsArticle(Text("id")!, Text("body")!, Text("title"), Text("category"), Text("source"),
                Text("url"), date, PublicationDate.TryParse(date, out var at) ? at : null);
        }
    }
}
