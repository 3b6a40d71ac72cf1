using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Search.Core.Schema;
using Search.Indexing.Corpus;

namespace Search.Cli.Bench;

/// <summary>The benchmark's input: the corpus files as given, and its articles in memory (for the in-memory stages).</summary>
internal sealed class BenchCorpus
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private BenchCorpus(IReadOnlyList<string> files, IReadOnlyList<NewsArticle> articles, long inputBytes)
    {
        Files = files;
        Articles = articles;
        InputBytes = inputBytes;
    }

    /// <summary>The files that indexing reads.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Every good article of the files, in order.</summary>
    public IReadOnlyList<NewsArticle> Articles { get; }

    /// <summary>Bytes of the files on disk.</summary>
    public long InputBytes { get; }

    /// <summary>Reads <paramref name="path"/>; with <paramref name="scale"/> above 1, writes the articles that many times with new ids.</summary>
    public static BenchCorpus Load(string path, int scale, string workDirectory)
    {
        var files = CorpusFiles.Expand([path]).Files;
        var articles = new List<NewsArticle>();
        foreach (var file in files)
        {
            foreach (var item in CorpusFiles.CreateReader(file)!.Read())
            {
                if (item is CorpusRecord record)
                {
                    articles.Add(record.Article);
                }
            }
        }

        if (scale <= 1)
        {
            return new BenchCorpus(files, articles, files.Sum(f => new FileInfo(f).Length));
        }

        var scaledPath = Path.Combine(workDirectory, $"corpus-x{scale}.jsonl");
        var scaled = new List<NewsArticle>(articles.Count * scale);
        using (var writer = new StreamWriter(scaledPath, append: false, new UTF8Encoding(false)))
        {
            for (var copy = 0; copy < scale; copy++)
            {
                foreach (var article in articles)
                {
                    var replica = copy == 0 ? article : article with { Id = $"{article.Id}~{copy}" };
                    scaled.Add(replica);
                    writer.WriteLine(JsonSerializer.Serialize(new
                    {
                        id = replica.Id, title = replica.Title, body = replica.Body, category = replica.Category,
                        source = replica.Source, url = replica.Url, date = replica.Date,
                    }, Json));
                }
            }
        }

        return new BenchCorpus([scaledPath], scaled, new FileInfo(scaledPath).Length);
    }
}
