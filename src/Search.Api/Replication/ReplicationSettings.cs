namespace Search.Api.Replication;

/// <summary>Whether this API serves its live commit to followers (#19), and the key they must send.</summary>
/// <param name="Key">The key every replication request carries in <see cref="KeyHeader"/>.</param>
public sealed record ReplicationSettings(string Key)
{
    /// <summary>Configuration key of the replication key (environment <c>Search__Replication__Key</c>); unset: no <c>/replication/</c> at all.</summary>
    public const string KeyKey = "Search:Replication:Key";

    /// <summary>How long a commit that is no longer live stays servable after its last file request ended.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(1);

    /// <summary>The request header carrying the key.</summary>
    public const string KeyHeader = "X-Replication-Key";

    /// <summary>The settings, or null when no key is set and replication is off.</summary>
    public static ReplicationSettings? From(IConfiguration configuration) =>
        configuration[KeyKey] is { Length: > 0 } key ? new ReplicationSettings(key) : null;
}
