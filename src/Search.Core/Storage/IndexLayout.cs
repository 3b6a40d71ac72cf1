using System.Globalization;
using System.Text;

namespace Search.Core.Storage;

/// <summary>
/// The folder layout of an index root: one or more generation folders (<c>gen-000001</c>, ...), each a complete
/// Lucene index, and a <c>CURRENT</c> file naming the one that is live.
/// </summary>
/// <remarks>
/// <c>reindex</c> builds a new generation beside the live one and switches by renaming a new <c>CURRENT</c> over the
/// old one: a rename is atomic, so a reader sees either the old generation or the new one, never a mix.
/// This is file I/O in Core by design: the writer (Indexing) and the reader (Querying) must agree on the layout and
/// neither may reference the other.
/// </remarks>
public sealed class IndexLayout
{
    /// <summary>Name of the pointer file in the root.</summary>
    public const string PointerFileName = "CURRENT";

    private const string GenerationPrefix = "gen-";

    /// <summary>Creates the layout for <paramref name="root"/> (not touched until used).</summary>
    public IndexLayout(string root)
    {
        Root = Path.GetFullPath(root);
    }

    /// <summary>The index root folder.</summary>
    public string Root { get; }

    private string PointerPath => Path.Combine(Root, PointerFileName);

    /// <summary>The live generation folder, or null when the root holds no index yet.</summary>
    public string? TryGetCurrent()
    {
        string name;
        try
        {
            name = File.ReadAllText(PointerPath, Encoding.UTF8).Trim();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        if (!IsGenerationName(name))
        {
            throw new InvalidDataException($"{PointerPath} does not name an index generation: '{name}'.");
        }

        return Path.Combine(Root, name);
    }

    /// <summary>Creates and returns a new, empty generation folder numbered after every existing one.</summary>
    public string CreateGeneration()
    {
        Directory.CreateDirectory(Root);
        var next = ListGenerations().Select(GenerationNumber).DefaultIfEmpty(0).Max() + 1;
        var path = Path.Combine(Root, GenerationPrefix + next.ToString("D6", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Makes <paramref name="generation"/> the live one, atomically.</summary>
    public void Switch(string generation)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(generation));
        if (!IsGenerationName(name) || !Directory.Exists(Path.Combine(Root, name)))
        {
            throw new ArgumentException($"Not a generation of {Root}: {generation}", nameof(generation));
        }

        var temp = PointerPath + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(name + "\n"));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, PointerPath, overwrite: true);
    }

    /// <summary>Every generation folder in the root, live or not, oldest first.</summary>
    public IReadOnlyList<string> ListGenerations()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return Directory.GetDirectories(Root, GenerationPrefix + "*")
            .Where(path => IsGenerationName(Path.GetFileName(path)))
            .OrderBy(GenerationNumber)
            .ToList();
    }

    private static bool IsGenerationName(string name) =>
        name.StartsWith(GenerationPrefix, StringComparison.Ordinal)
        && name.Length > GenerationPrefix.Length
        && name.AsSpan(GenerationPrefix.Length).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>The number of a generation folder (<c>gen-000042</c> is 42), for monitoring and ordering.</summary>
    public static int GenerationNumber(string path) =>
        int.Parse(Path.GetFileName(path).AsSpan(GenerationPrefix.Length), CultureInfo.InvariantCulture);
}
