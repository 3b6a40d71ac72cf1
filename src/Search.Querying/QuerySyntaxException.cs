namespace Search.Querying;

/// <summary>A query the service refuses to run (too long, too many words); the API answers 400 "Invalid query".</summary>
/// <remarks>Ordinary typing mistakes (unbalanced quotes, stray operators) never throw: they are searched as words.</remarks>
public sealed class QuerySyntaxException : Exception
{
    /// <summary>Creates the exception for a problem at <paramref name="position"/> (0-based UTF-16 index).</summary>
    public QuerySyntaxException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    /// <summary>0-based UTF-16 index in the query text where the problem starts.</summary>
    public int Position { get; }
}
