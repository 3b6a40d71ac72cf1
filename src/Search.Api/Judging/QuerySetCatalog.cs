using Search.Evaluation.Topics;

namespace Search.Api.Judging;

/// <summary>
/// The query sets on offer: every <c>*.tsv</c> of the query-sets folder (read-only; re-read when a file changes) and
/// the sets uploaded into the <see cref="JudgmentStore"/>. A file set's name is never taken by an upload.
/// </summary>
public sealed class QuerySetCatalog(JudgingSettings settings, JudgmentStore store, ILogger<QuerySetCatalog> logger)
{
    private readonly Dictionary<string, (DateTime Written, long Length, QuerySet Set)> _files = new(StringComparer.Ordinal);
    private readonly System.Threading.Lock _filesLock = new();

    /// <summary>Every set: the files first, then the uploads, each by name.</summary>
    public IReadOnlyList<QuerySet> List()
    {
        var files = FileSets();
        var uploaded = store.ListQuerySets()
            .Where(s => !files.ContainsKey(s.Name))
            .Select(s => store.GetQuerySet(s.Name) is { } queries ? new QuerySet(s.Name, QuerySet.UploadedOrigin, queries) : null)
            .OfType<QuerySet>();
        return [.. files.Values.OrderBy(s => s.Name, StringComparer.Ordinal), .. uploaded];
    }

    /// <summary>The set called <paramref name="name"/>, or null.</summary>
    public QuerySet? Find(string name)
    {
        if (FileSets().TryGetValue(name, out var file))
        {
            return file;
        }

        return store.GetQuerySet(name) is { } queries ? new QuerySet(name, QuerySet.UploadedOrigin, queries) : null;
    }

    /// <summary>True when a query-set file has this name (an upload may not take it).</summary>
    public bool IsFileSet(string name) => FileSets().ContainsKey(name);

    /// <summary>
    /// The text of a query id: from the first set holding it (files first, then uploads, by name), else as last
    /// judged (a typed query); null when neither knows it.
    /// </summary>
    public string? FindQueryText(string queryId) =>
        List().SelectMany(s => s.Queries).FirstOrDefault(q => string.Equals(q.Id, queryId, StringComparison.Ordinal))?.Text
        ?? store.QueryText(queryId);

    /// <summary>Why a topic of a set cannot be judged (an id a qrels line could not carry, a text over the query limits), or null.</summary>
    public static string? TopicProblem(Topic topic) =>
        JudgingRules.QueryIdProblem(topic.Id) is { } id ? $"query id {id}"
        : JudgingRules.QueryTextProblem(topic.Text) is { } text ? $"query {topic.Id}: the text {text}"
        : null;

    private Dictionary<string, QuerySet> FileSets()
    {
        var folder = Path.GetFullPath(settings.QuerySetsPath);
        string[] paths;
        try
        {
            paths = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.tsv", SearchOption.TopDirectoryOnly) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Query sets folder {Folder} cannot be listed: {Message}", folder, e.Message);
            paths = [];
        }

        var sets = new Dictionary<string, QuerySet>(StringComparer.Ordinal);
        lock (_filesLock)
        {
            foreach (var path in paths)
            {
                var name = Path.GetFileNameWithoutExtension(path);
                if (JudgingRules.NameProblem(name) is not null)
                {
                    continue;
                }

                if (Read(path) is { } set)
                {
                    sets[name] = set;
                }
            }

            foreach (var gone in _files.Keys.Except(paths, StringComparer.Ordinal).ToList())
            {
                _files.Remove(gone);
            }
        }

        return sets;
    }

    private QuerySet? Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (_files.TryGetValue(path, out var kept) && kept.Written == info.LastWriteTimeUtc && kept.Length == info.Length)
            {
                return kept.Set;
            }

            using var reader = new StreamReader(path);
            var read = TopicReader.Read(reader, Path.GetFileName(path), TopicProblem);
            foreach (var error in read.Errors)
            {
                logger.LogWarning("Query set {Error}", error);
            }

            var set = new QuerySet(Path.GetFileNameWithoutExtension(path), QuerySet.FileOrigin, read.Value);
            _files[path] = (info.LastWriteTimeUtc, info.Length, set);
            return set;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Query set {Path} cannot be read: {Message}", path, e.Message);
            return null;
        }
    }
}
