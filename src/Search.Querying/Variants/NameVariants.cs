using Lucene.Net.Analysis;
using Search.Core.Analysis;

namespace Search.Querying.Variants;

/// <summary>
/// The approved spelling groups of foreign names (a variants file, see <see cref="VariantsFile"/>), applied at query
/// time (#18): a word of a group is searched as every spelling of it, without reindexing. Thread-safe.
/// </summary>
/// <remarks>
/// The parser asks <see cref="Analyze"/> for a word's tokens in each field: the other spellings, analyzed for that
/// field, are stacked at the word's position, so they are alternatives of one word as a word's proclitic forms are
/// (the best form counts, and the spelling typed, rarer than the other in the index, weighs more: its articles tend to
/// rank first). A word carrying a proclitic (وترمب, لترمب) is widened with it. The file is read again when it changes
/// (<see cref="Refresh"/>, which the searcher calls on its refresh timer); <see cref="Version"/> changes with it, so no
/// result cached under the old groups is served. A missing file is no groups.
/// </remarks>
public sealed class NameVariants
{
    private const string Proclitics = "وفبلك";

    private volatile Snapshot _current;

    private NameVariants(string? path, Snapshot snapshot)
    {
        Path = path;
        _current = snapshot;
    }

    /// <summary>No groups.</summary>
    public static NameVariants None { get; } = new(null, Snapshot.Empty);

    /// <summary>The file read, or null.</summary>
    public string? Path { get; }

    /// <summary>The groups in use.</summary>
    public IReadOnlyList<VariantGroup> Groups => _current.Groups;

    /// <summary>The lines of the file that were refused, with why.</summary>
    public IReadOnlyList<VariantFileError> Errors => _current.Errors;

    /// <summary>Changes each time the groups are read again.</summary>
    public int Version => _current.Version;

    /// <summary>The groups of the file at <paramref name="path"/> (none while it does not exist).</summary>
    public static NameVariants Load(string path) => new(path, Snapshot.Read(path, 0));

    /// <summary>Groups given directly (tests, tools).</summary>
    public static NameVariants Of(IEnumerable<VariantGroup> groups) => new(null, Snapshot.From(groups, [], default, 0));

    /// <summary>Reads the file again when it changed, appeared or went; true when the groups were read again.</summary>
    public bool Refresh()
    {
        if (Path is null)
        {
            return false;
        }

        var current = _current;
        if (Stamp.Of(Path) == current.Stamp)
        {
            return false;
        }

        _current = Snapshot.Read(Path, current.Version + 1);
        return true;
    }

    /// <summary>The other spellings of <paramref name="word"/> (with its proclitic, if it has one), or none.</summary>
    public IReadOnlyList<string> Expand(string word)
    {
        var groups = _current.ByKey;
        word = Letters(word);
        if (groups.Count == 0 || VariantsFile.Key(word) is not { } key)
        {
            return [];
        }

        if (groups.TryGetValue(key, out var group))
        {
            return Others(group, key, string.Empty);
        }

        // وترمب, لترمب, ولترمب: a proclitic or two before a name.
        for (var length = 1; length <= 2 && key.Length - length >= 3 && Proclitics.Contains(key[length - 1]); length++)
        {
            if (groups.TryGetValue(key[length..], out group))
            {
                return Others(group, key[length..], word[..length]);
            }
        }

        return [];
    }

    /// <summary>
    /// The tokens of <paramref name="text"/> in <paramref name="field"/>, with the tokens of its other spellings stacked at
    /// its position when it is one word of a group (a text of several words or positions is analyzed as is).
    /// </summary>
    public IReadOnlyList<AnalyzedToken> Analyze(Analyzer analyzer, string field, string text)
    {
        var tokens = TokenInspector.Analyze(analyzer, field, text);
        if (tokens.Count == 0 || _current.ByKey.Count == 0 || tokens.Any(t => t.Position != tokens[0].Position)
            || Expand(text) is not { Count: > 0 } spellings)
        {
            return tokens;
        }

        var stacked = new List<AnalyzedToken>(tokens);
        foreach (var spelling in spellings)
        {
            var more = TokenInspector.Analyze(analyzer, field, spelling);
            if (more.Count > 0 && more.All(t => t.Position == more[0].Position))
            {
                stacked.AddRange(more.Select(t => tokens[0] with { Term = t.Term }));
            }
        }

        return stacked;
    }

    /// <summary>The words of <paramref name="query"/> that groups widen, with their other spellings.</summary>
    public IReadOnlyList<VariantUse> InUse(string query)
    {
        var uses = new List<VariantUse>();
        foreach (var element in QueryTokenizer.Tokenize(query))
        {
            var words = element.Kind == QueryElementKind.Phrase
                ? element.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                : element.Kind == QueryElementKind.Word ? [element.Text] : [];
            foreach (var word in words)
            {
                if (Expand(word) is { Count: > 0 } spellings && !uses.Any(u => u.Word == word))
                {
                    uses.Add(new VariantUse(word, spellings));
                }
            }
        }

        return uses;
    }

    // The word without the punctuation around it (ترمب، is ترمب).
    private static string Letters(string word)
    {
        var span = word.AsSpan().Trim();
        while (span.Length > 0 && !char.IsLetter(span[0]))
        {
            span = span[1..];
        }

        while (span.Length > 0 && !char.IsLetter(span[^1]) && char.GetUnicodeCategory(span[^1]) != System.Globalization.UnicodeCategory.NonSpacingMark)
        {
            span = span[..^1];
        }

        return span.ToString();
    }

    private static List<string> Others(VariantGroup group, string key, string proclitic) =>
        [.. group.Spellings.Where(s => VariantsFile.Key(s) != key).Select(s => proclitic + s)];

    private readonly record struct Stamp(bool Exists, DateTime Written, long Length)
    {
        public static Stamp Of(string path)
        {
            var file = new FileInfo(path);
            return file.Exists ? new Stamp(true, file.LastWriteTimeUtc, file.Length) : default;
        }
    }

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = From([], [], default, 0);

        public required IReadOnlyList<VariantGroup> Groups { get; init; }

        public required IReadOnlyList<VariantFileError> Errors { get; init; }

        public required Dictionary<string, VariantGroup> ByKey { get; init; }

        public required Stamp Stamp { get; init; }

        public required int Version { get; init; }

        public static Snapshot Read(string path, int version)
        {
            var stamp = Stamp.Of(path);
            if (!stamp.Exists)
            {
                return From([], [], stamp, version);
            }

            try
            {
                var (groups, errors) = VariantsFile.Read(path);
                return From(groups, errors, stamp, version);
            }
            catch (IOException e)
            {
                return From([], [new VariantFileError(path, 0, e.Message)], stamp, version);
            }
            catch (UnauthorizedAccessException e)
            {
                return From([], [new VariantFileError(path, 0, e.Message)], stamp, version);
            }
        }

        public static Snapshot From(IEnumerable<VariantGroup> groups, IReadOnlyList<VariantFileError> errors, Stamp stamp, int version)
        {
            var list = groups.ToList();
            var byKey = new Dictionary<string, VariantGroup>(StringComparer.Ordinal);
            foreach (var group in list)
            {
                foreach (var spelling in group.Spellings)
                {
                    if (VariantsFile.Key(spelling) is { } key)
                    {
                        byKey.TryAdd(key, group);
                    }
                }
            }

            return new Snapshot { Groups = list, Errors = errors, ByKey = byKey, Stamp = stamp, Version = version };
        }
    }
}
