namespace Search.Cli.Replication;

/// <summary>One follower writes a replica root at a time: an exclusive lock on <c>follow.lock</c> in the root, released by the OS if the process dies.</summary>
internal sealed class FollowerLock : IDisposable
{
    /// <summary>The lock file's name in the index root.</summary>
    public const string FileName = "follow.lock";

    private readonly FileStream _stream;

    private FollowerLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock of <paramref name="root"/>, creating the root if needed.</summary>
    /// <exception cref="ReplicationException">Another follower holds it.</exception>
    public static FollowerLock Acquire(string root)
    {
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, FileName);
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix: a second process, or a second open here, fails.
            return new FollowerLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new ReplicationException($"Another follow process is writing the replica at {root} (it holds {FileName}); nothing was changed.");
        }
    }

    public void Dispose() => _stream.Dispose();
}
