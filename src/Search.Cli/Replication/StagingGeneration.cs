using System.Globalization;
using Search.Api.Contracts.Replication;
using Search.Core.Replication;
using Search.Core.Storage;

namespace Search.Cli.Replication;

/// <summary>
/// The generation folder a follower fills with a commit before it goes live, marked unfinished by a
/// <see cref="MarkerFileName"/> file so that the next run, after a kill, finds it and continues instead of starting over.
/// </summary>
/// <remarks>
/// A downloaded file is written as <c>name.checksum-length.part</c> and renamed to its name once it passed its checksum,
/// so a file under its own name here is a whole, verified one, and a part is resumed only for the same file.
/// </remarks>
internal sealed class StagingGeneration
{
    /// <summary>The marker of an unfinished generation.</summary>
    public const string MarkerFileName = "follow.pending";

    private const string PartSuffix = ".part";

    private StagingGeneration(string path) => Path = path;

    /// <summary>The generation folder (full path).</summary>
    public string Path { get; }

    /// <summary>The newest unfinished generation of <paramref name="layout"/> other than <paramref name="live"/>, or a new one.</summary>
    public static StagingGeneration FindOrCreate(IndexLayout layout, string? live, string note)
    {
        var unfinished = layout.ListGenerations()
            .LastOrDefault(g => g != live && File.Exists(System.IO.Path.Combine(g, MarkerFileName)));
        if (unfinished is not null)
        {
            return new StagingGeneration(unfinished);
        }

        var created = layout.CreateGeneration();
        File.WriteAllText(System.IO.Path.Combine(created, MarkerFileName), note + "\n");
        return new StagingGeneration(created);
    }

    /// <summary>Where <paramref name="file"/> goes once whole.</summary>
    public string FilePath(ReplicatedFileResponse file) => System.IO.Path.Combine(Path, file.Name);

    /// <summary>Where <paramref name="file"/> is downloaded to; its name says which bytes it holds.</summary>
    public string PartPath(ReplicatedFileResponse file) =>
        System.IO.Path.Combine(Path, string.Create(CultureInfo.InvariantCulture, $"{file.Name}.{file.Checksum:x8}-{file.Length}{PartSuffix}"));

    /// <summary>True when the folder holds <paramref name="file"/> under its name, of its length and footer checksum.</summary>
    public bool Holds(ReplicatedFileResponse file) => HoldsIn(Path, file);

    /// <summary>True when <paramref name="folder"/> holds <paramref name="file"/> with its length and footer checksum.</summary>
    public static bool HoldsIn(string folder, ReplicatedFileResponse file)
    {
        try
        {
            var found = CommitFiles.Describe(folder, [file.Name])[0];
            return found.Length == file.Length && found.Checksum == file.Checksum;
        }
        catch (IOException)
        {
            return false; // missing, or no valid footer
        }
    }

    /// <summary>Deletes every file but <paramref name="names"/> and the marker: other commits' files, parts, strays.</summary>
    public void KeepOnly(IEnumerable<string> names)
    {
        var keep = names.Append(MarkerFileName).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path))
        {
            if (!keep.Contains(System.IO.Path.GetFileName(file)))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>True for the name of a download in progress.</summary>
    public static bool IsPart(string name) => name.EndsWith(PartSuffix, StringComparison.Ordinal);

    /// <summary>Removes the marker once the folder is live (best effort: a marker left in a live folder misleads nothing).</summary>
    public void Complete()
    {
        try
        {
            File.Delete(System.IO.Path.Combine(Path, MarkerFileName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only unfinished folders other than the live one are ever continued.
        }
    }
}
