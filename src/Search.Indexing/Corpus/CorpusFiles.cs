namespace Search.Indexing.Corpus;

/// <summary>Turns the paths a user names into the corpus files to read, and picks the reader for each file.</summary>
/// <remarks>
/// Folders are searched recursively and their files sorted ordinally, so that a run reads files in the same order on
/// every machine and "last record wins" for repeated ids is reproducible. Inside a folder, files of other types
/// (a README, a manifest) and hidden files are skipped silently; a file named explicitly must be of a supported type.
/// </remarks>
public static class CorpusFiles
{
    /// <summary>The reason given for a named file of an unsupported type.</summary>
    public const string UnsupportedReason = "unsupported file type; expected .jsonl, .jsonl.gz or .txt";

    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    /// <summary>True for the extensions we read: <c>.jsonl</c>, <c>.jsonl.gz</c> (JSON Lines) and <c>.txt</c> (scraped pages).</summary>
    public static bool IsSupported(string path) => IsJsonLines(path) || IsScrapedPage(path);

    /// <summary>Expands files and folders into the list of corpus files, keeping paths as given.</summary>
    public static CorpusFileSet Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        var errors = new List<CorpusLineError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = new List<string>();
                foreach (var file in Directory.EnumerateFiles(path, "*", Recursive))
                {
                    if (IsSupported(file))
                    {
                        found.Add(file);
                    }
                }

                found.Sort(StringComparer.Ordinal);
                foreach (var file in found)
                {
                    AddOnce(file);
                }
            }
            else if (File.Exists(path))
            {
                if (IsSupported(path))
                {
                    AddOnce(path);
                }
                else
                {
                    errors.Add(new CorpusLineError(path, 0, UnsupportedReason));
                }
            }
            else
            {
                errors.Add(new CorpusLineError(path, 0, "no such file or directory"));
            }
        }

        return new CorpusFileSet(files, errors);

        // A file named twice (directly and through its folder) is read once.
        void AddOnce(string file)
        {
            if (seen.Add(Path.GetFullPath(file)))
            {
                files.Add(file);
            }
        }
    }

    /// <summary>The reader for <paramref name="path"/>, chosen by extension, or null for an unsupported type.</summary>
    public static ICorpusReader? CreateReader(string path, int maxBodyChars = IndexingOptions.DefaultMaxBodyChars)
    {
        if (IsScrapedPage(path))
        {
            return new ScrapedPageReader(path, maxBodyChars);
        }

        return IsJsonLines(path) ? new JsonlCorpusReader(path, maxBodyChars) : null;
    }

    private static bool IsJsonLines(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);

    private static bool IsScrapedPage(string path) => path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
}
