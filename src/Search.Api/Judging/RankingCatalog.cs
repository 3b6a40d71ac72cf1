using Search.Querying;
using Search.Querying.Ranking;

namespace Search.Api.Judging;

/// <summary>
/// The ranking configurations analysts can compare: the served one (<c>Search:RankingConfig</c>), the built-ins and
/// every <c>*.json</c> of the rankings folder (re-read when a file changes). Only those of the served index's analysis
/// profile can run; the others are listed with the reason.
/// </summary>
public sealed class RankingCatalog(JudgingSettings settings, NewsSearcher searcher, ILogger<RankingCatalog> logger)
{
    private static readonly Lazy<IReadOnlyList<RankingWeights>> BuiltIns =
        new(() => [.. RankingConfigLoader.BuiltInNames.Select(RankingConfigLoader.Load)]);

    private readonly Dictionary<string, (DateTime Written, long Length, RankingEntry Entry)> _files = new(StringComparer.Ordinal);
    private readonly System.Threading.Lock _filesLock = new();

    /// <summary>The name of the served configuration, the default of every judging request.</summary>
    public string Current => searcher.Parser.Weights.Name;

    /// <summary>Every configuration: the served one, the built-ins, then the files by name.</summary>
    public IReadOnlyList<RankingEntry> List()
    {
        var served = searcher.Parser.Weights;
        var entries = new List<RankingEntry> { Check(served.Name, served) };
        var names = new HashSet<string>(StringComparer.Ordinal) { served.Name };
        foreach (var builtIn in BuiltIns.Value.Where(b => names.Add(b.Name)))
        {
            entries.Add(Check(builtIn.Name, builtIn));
        }

        foreach (var entry in FileEntries().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            // The served configuration may itself be one of the files: the served instance stands for it.
            if (string.Equals(entry.Name, served.Name, StringComparison.Ordinal))
            {
                continue;
            }

            entries.Add(names.Add(entry.Name)
                ? entry
                : entry with { Weights = null, Reason = $"The name \"{entry.Name}\" is a built-in configuration's; rename the file." });
        }

        return entries;
    }

    /// <summary>The configuration called <paramref name="name"/>, or null.</summary>
    public RankingEntry? Find(string name) => List().FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));

    private RankingEntry Check(string name, RankingWeights weights)
    {
        var served = searcher.Parser.Weights.Profile;
        return weights.Profile == served
            ? new RankingEntry(name, weights.Profile.Name, weights, null)
            : new RankingEntry(name, weights.Profile.Name, weights,
                $"It needs an index of the \"{weights.Profile.Name}\" analysis profile; the served index is \"{served.Name}\".");
    }

    private List<RankingEntry> FileEntries()
    {
        var folder = Path.GetFullPath(settings.RankingsPath);
        string[] paths;
        try
        {
            paths = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json", SearchOption.TopDirectoryOnly) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Rankings folder {Folder} cannot be listed: {Message}", folder, e.Message);
            paths = [];
        }

        var entries = new List<RankingEntry>();
        lock (_filesLock)
        {
            foreach (var path in paths)
            {
                var name = Path.GetFileNameWithoutExtension(path);
                if (JudgingRules.NameProblem(name) is null)
                {
                    entries.Add(Read(path, name));
                }
            }

            foreach (var gone in _files.Keys.Except(paths, StringComparer.Ordinal).ToList())
            {
                _files.Remove(gone);
            }
        }

        return entries;
    }

    private RankingEntry Read(string path, string name)
    {
        var info = new FileInfo(path);
        if (_files.TryGetValue(path, out var kept) && kept.Written == info.LastWriteTimeUtc && kept.Length == info.Length)
        {
            return kept.Entry;
        }

        RankingEntry entry;
        try
        {
            // Named by its file whatever its "name" says: requests, caches and reports agree on one name.
            var weights = RankingConfigLoader.Parse(File.ReadAllText(path), name, Path.GetFileName(path)) with { Name = name };
            entry = Check(name, weights);
        }
        catch (RankingConfigException e)
        {
            entry = new RankingEntry(name, null, null, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            entry = new RankingEntry(name, null, null, $"{Path.GetFileName(path)} cannot be read: {e.Message}");
        }

        if (entry.Weights is null)
        {
            logger.LogWarning("Ranking configuration {Path}: {Reason}", path, entry.Reason);
        }

        _files[path] = (info.LastWriteTimeUtc, info.Length, entry);
        return entry;
    }
}
