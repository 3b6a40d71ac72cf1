using Search.Core.Schema;
using Search.Indexing;
using Search.Indexing.Corpus;
using Search.Core.Storage;

namespace Search.Benchmarks;

/// <summary>What the benchmarks run on: the shared news corpus when it is beside the checkout, else the project's sample.</summary>
/// <remarks>
/// <c>SEARCH_BENCH_CORPUS</c> names another file or folder; <see cref="SampleOnly"/> (the smoke run) takes the sample. The index is built once per process from the whole corpus
/// with the real <c>reindex</c> path (about 25 s for the full news corpus), in a temporary folder removed at exit.
/// </remarks>
public static class BenchmarkData
{
    private static readonly Lazy<string> LazyCorpus = new(FindCorpus);
    private static readonly Lazy<IReadOnlyList<NewsArticle>> LazyArticles = new(LoadArticles);
    private static readonly Lazy<string> LazyIndex = new(BuildIndex);

    /// <summary>Run on the project's sample corpus even when the shared one is there; set before the first use.</summary>
    public static bool SampleOnly { get; set; }

    /// <summary>The corpus path: a file or a folder of corpus files.</summary>
    public static string CorpusPath => LazyCorpus.Value;

    /// <summary>Every good article of the corpus, in file order.</summary>
    public static IReadOnlyList<NewsArticle> Articles => LazyArticles.Value;

    /// <summary>The folder of an index of the whole corpus (the live generation), built on first use.</summary>
    public static string IndexGeneration => LazyIndex.Value;

    private static string FindCorpus()
    {
        if (Environment.GetEnvironmentVariable("SEARCH_BENCH_CORPUS") is { Length: > 0 } named)
        {
            return Path.GetFullPath(named);
        }

        // The repository is the first folder above the binaries that holds Search.sln.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Search.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException("Search.sln not found above " + AppContext.BaseDirectory + "; set SEARCH_BENCH_CORPUS.");
        }

        var shared = Path.GetFullPath(Path.Combine(root.FullName, "..", "shared", "corpus", "news-full.jsonl.gz"));
        return File.Exists(shared) && !SampleOnly ? shared : Path.Combine(root.FullName, "index-data", "sample");
    }

    private static IReadOnlyList<NewsArticle> LoadArticles()
    {
        var articles = new List<NewsArticle>();
        foreach (var file in CorpusFiles.Expand([CorpusPath]).Files)
        {
            foreach (var item in CorpusFiles.CreateReader(file)!.Read())
            {
                if (item is CorpusRecord record)
                {
                    articles.Add(record.Article);
                }
            }
        }

        return articles.Count > 0 ? articles : throw new InvalidOperationException("No article in " + CorpusPath);
    }

    private static string BuildIndex()
    {
        var root = Directory.CreateTempSubdirectory("search-benchmarks-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
        var layout = new IndexLayout(root);
        var report = new IndexingService().Reindex(layout, CorpusFiles.Expand([CorpusPath]).Files, new IndexingOptions(), CancellationToken.None);
        return report.Published && layout.TryGetCurrent() is { } generation
            ? generation
            : throw new InvalidOperationException("The benchmark index of " + CorpusPath + " was not built.");
    }
}
