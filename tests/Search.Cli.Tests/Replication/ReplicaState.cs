using System.Text.Json;
using Lucene.Net.Index;
using Search.Core.Replication;
using Search.Core.Storage;

namespace Search.Cli.Tests.Replication;

/// <summary>What a replica root holds, read from disk, for assertions.</summary>
internal static class ReplicaState
{
    /// <summary>The files (name, length, checksum) of the live generation's latest commit; empty when there is none.</summary>
    public static HashSet<(string, long, long)> LiveCommit(string root)
    {
        var live = new IndexLayout(root).TryGetCurrent();
        var listing = live is null ? null : CommitFiles.ReadLatest(live);
        return listing is null ? [] : [.. CommitFiles.Describe(live!, listing.FileNames).Select(f => (f.Name, f.Length, f.Checksum))];
    }

    /// <summary>The files of a manifest as <see cref="LiveCommit"/> gives them.</summary>
    public static HashSet<(string, long, long)> Files(JsonElement manifest) =>
        [.. manifest.GetProperty("files").EnumerateArray()
            .Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("length").GetInt64(), f.GetProperty("checksum").GetInt64()))];

    /// <summary>Asserts that the replica's live generation is the manifest's commit and passes CheckIndex.</summary>
    public static void AssertServes(string root, JsonElement manifest)
    {
        Assert.Equal(Files(manifest).Order(), LiveCommit(root).Order());
        using var directory = new MappedDirectory(new DirectoryInfo(new IndexLayout(root).TryGetCurrent()!));
        Assert.True(new CheckIndex(directory).DoCheckIndex().Clean, $"CheckIndex found problems in the replica at {root}");
    }

    /// <summary>Every file under the root with its length, and CURRENT's content: what "changes nothing" compares.</summary>
    public static List<string> Snapshot(string root) =>
        !Directory.Exists(root)
            ? []
            : [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(path => $"{Path.GetRelativePath(root, path)} {new FileInfo(path).Length}"), File.Exists(Path.Combine(root, "CURRENT")) ? File.ReadAllText(Path.Combine(root, "CURRENT")) : ""];
}
