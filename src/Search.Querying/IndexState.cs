namespace Search.Querying;

/// <summary>Whether <see cref="NewsSearcher"/> can serve searches, and if not, why.</summary>
public enum IndexState
{
    /// <summary>An index of our schema version is open.</summary>
    Ready,

    /// <summary>No index at the configured path (no CURRENT pointer, or its generation has no commit yet).</summary>
    Missing,

    /// <summary>The live index was written with another schema version; it must be rebuilt.</summary>
    SchemaMismatch,

    /// <summary>The index exists but could not be opened (I/O error, corruption).</summary>
    Failed,
}
