using Search.Core.Analysis;

namespace Search.Querying.Variants;

/// <summary>Reads a variants file: one group of spellings of one name per line, bad lines reported with file and line and skipped.</summary>
/// <remarks>
/// <code>
/// # spellings of one name, separated by spaces; a # starts a comment
/// ترامب ترمب
/// بوتين بوتن   # skeleton بتن; 1,508 / 777; context 0.96
/// </code>
/// A spelling is one word of letters. A line is refused, with the reason, when it has fewer than two distinct spellings
/// once normalized (hamza and alef forms, ة/ه, ى/ي already match, so أوباما اوباما is one spelling), a spelling that is
/// not one word or is a stop word, or a spelling already in an earlier group (a word belongs to one name). The other
/// lines are used: a bad line never costs the good ones.
/// </remarks>
public static class VariantsFile
{
    /// <summary>The groups and the refused lines of the file at <paramref name="path"/> (as given in messages).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static (IReadOnlyList<VariantGroup> Groups, IReadOnlyList<VariantFileError> Errors) Read(string path) =>
        Parse(path, File.ReadLines(path));

    /// <summary>The groups and refused lines of <paramref name="lines"/>, read from <paramref name="path"/>.</summary>
    public static (IReadOnlyList<VariantGroup> Groups, IReadOnlyList<VariantFileError> Errors) Parse(string path, IEnumerable<string> lines)
    {
        var groups = new List<VariantGroup>();
        var errors = new List<VariantFileError>();
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var content = (hash < 0 ? raw : raw[..hash]).Trim().TrimStart('\uFEFF');
            var note = hash < 0 ? null : raw[(hash + 1)..].Trim() is { Length: > 0 } text ? text : null;
            if (content.Length == 0)
            {
                continue;
            }

            var spellings = content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (Problem(spellings, owner) is { } problem)
            {
                errors.Add(new VariantFileError(path, number, problem));
                continue;
            }

            foreach (var spelling in spellings)
            {
                owner[Key(spelling)!] = number;
            }

            groups.Add(new VariantGroup(spellings, number, note));
        }

        return (groups, errors);
    }

    /// <summary>The normalized key of a spelling (as the exact fields index it), or null when it is not one word of letters.</summary>
    public static string? Key(string spelling)
    {
        var normalized = NewsAnalyzerFactory.NormalizeWord(spelling.Trim());
        return normalized.Length > 0 && normalized.All(char.IsLetter) ? normalized : null;
    }

    private static string? Problem(string[] spellings, Dictionary<string, int> owner)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spelling in spellings)
        {
            if (Key(spelling) is not { } key)
            {
                return $"'{spelling}' is not one word of letters";
            }

            if (NewsAnalyzerFactory.StopWords.Contains(key))
            {
                return $"'{spelling}' is a stop word, never searched";
            }

            if (owner.TryGetValue(key, out var line))
            {
                return $"'{spelling}' is already in the group of line {line}";
            }

            keys.Add(key);
        }

        return keys.Count < 2
            ? spellings.Length < 2
                ? "a group needs at least two spellings"
                : $"'{string.Join(' ', spellings)}' are one spelling once normalized (hamza and alef forms, ة/ه, ى/ي already match)"
            : null;
    }
}
