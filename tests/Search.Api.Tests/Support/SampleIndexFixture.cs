using Search.Core.Schema;

namespace Search.Api.Tests.Support;

/// <summary>
/// One index of the project's sample corpus (index-data/sample/articles.jsonl: the documents of the sample topics
/// and qrels), shared by the tests of a class; each test opens its own API on it with <see cref="Open"/>.
/// </summary>
public sealed class SampleIndexFixture : IDisposable
{
    private readonly ApiIndex _index = new();

    public SampleIndexFixture()
    {
        _index.Build(ApiIndex.LoadJsonLines(Path.Combine(RepositoryRoot, "index-data", "sample", "articles.jsonl")));
    }

    /// <summary>The repository's root folder (the one holding Search.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public string IndexRoot => _index.Root;

    /// <summary>
    /// An API on the sample index with a judgment store of its own, the repository's query sets and rankings, and
    /// <paramref name="settings"/>; its requests come from <paramref name="peer"/> (loopback when null).
    /// </summary>
    internal JudgingApi Open(IReadOnlyDictionary<string, string>? settings = null, System.Net.IPAddress? peer = null) => new(IndexRoot, settings, peer);

    public void Dispose() => _index.Dispose();


    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Search.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Search.sln not found above " + AppContext.BaseDirectory);
    }
}
