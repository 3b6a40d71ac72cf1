using System.Runtime.InteropServices;

namespace Search.Cli.Replication;

/// <summary>Puts a file the replica already has into a new generation: a hard link where the file system allows, else a copy.</summary>
/// <remarks>
/// Committed Lucene files are never modified, so two generations can share one (the same inode): a link costs no disk
/// and no copying, and the replica's API maps the same pages for both. .NET has no hard-link API; POSIX <c>link(2)</c>
/// is called directly, and a copy is the fallback (Windows, another file system, a file system without links).
/// </remarks>
internal static class LocalFiles
{
    /// <summary>Links (or copies) <paramref name="source"/> to the new path <paramref name="target"/>; true when linked.</summary>
    public static bool LinkOrCopy(string source, string target)
    {
        if (!OperatingSystem.IsWindows() && Link(source, target) == 0)
        {
            return true;
        }

        File.Copy(source, target, overwrite: false);
        return false;
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);
}
