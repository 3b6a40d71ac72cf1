namespace Search.Querying;

/// <summary>A snapshot of what <see cref="NewsSearcher"/> is serving.</summary>
/// <param name="State">Ready, or why not.</param>
/// <param name="Message">A sentence for people: what is open, or what is wrong and what to do.</param>
/// <param name="Generation">Full path of the open generation folder, when one is open.</param>
/// <param name="SchemaVersion">Schema version of the open index, or the one found when mismatched.</param>
/// <param name="DocumentCount">Live documents in the open index (0 when none is open).</param>
public sealed record IndexStatus(IndexState State, string Message, string? Generation, int? SchemaVersion, int DocumentCount)
{
    /// <summary>True when searches can run.</summary>
    public bool IsReady => State == IndexState.Ready;
}
