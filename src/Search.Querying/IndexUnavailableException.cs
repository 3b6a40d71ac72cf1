namespace Search.Querying;

/// <summary>Thrown by <see cref="NewsSearcher"/> operations when no usable index is open; hosts answer 503 or exit non-zero.</summary>
public sealed class IndexUnavailableException : Exception
{
    /// <summary>Creates the exception for <paramref name="status"/>.</summary>
    public IndexUnavailableException(IndexStatus status)
        : base(status.Message)
    {
        Status = status;
    }

    /// <summary>The status at the time of the call.</summary>
    public IndexStatus Status { get; }
}
