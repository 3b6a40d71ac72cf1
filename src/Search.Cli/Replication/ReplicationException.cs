namespace Search.Cli.Replication;

/// <summary>Why a sync with the primary did not complete, in one line for an operator; the replica is left as it was.</summary>
/// <param name="message">What went wrong and what was (not) changed.</param>
/// <param name="keyRefused">True when the primary refused the key: retrying cannot help, so a follower stops.</param>
internal sealed class ReplicationException(string message, bool keyRefused = false) : Exception(message)
{
    /// <summary>The primary answered 401: the key is missing or wrong.</summary>
    public bool KeyRefused { get; } = keyRefused;
}
