namespace Search.Indexing;

/// <summary>Thrown when an operation needs an existing index (delete) and the index root has none.</summary>
public sealed class IndexMissingException : Exception
{
    /// <summary>Creates the exception for the index root <paramref name="root"/>.</summary>
    public IndexMissingException(string root)
        : base($"There is no index at {root}; build one with: search index <corpus>...")
    {
        Root = root;
    }

    /// <summary>The index root that holds no index.</summary>
    public string Root { get; }
}
