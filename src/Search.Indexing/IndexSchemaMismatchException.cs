namespace Search.Indexing;

/// <summary>Thrown instead of writing into an index built under another schema version (or none).</summary>
/// <remarks>
/// Mixing documents analyzed under two schemas would make the index answer inconsistently; the message (from
/// <see cref="Search.Core.Schema.IndexSchema.Check"/>) says to rebuild with <c>reindex</c>.
/// </remarks>
public sealed class IndexSchemaMismatchException : Exception
{
    /// <summary>Creates the exception with the message to show the user.</summary>
    public IndexSchemaMismatchException(string message)
        : base(message)
    {
    }
}
