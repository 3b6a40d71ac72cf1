namespace Search.Indexing;

/// <summary>What an indexing run did: counts of records, how it ended, and where the index is.</summary>
/// <remarks><c>Read = Indexed + Replaced + Skipped</c>; a clean run has <c>Skipped == 0</c> and neither flag set.</remarks>
public sealed record IndexingReport
{
    /// <summary>Records read, good and bad (a whole-file error counts as one).</summary>
    public long Read { get; init; }

    /// <summary>Good records whose id was new: not in the index before the run nor earlier in the run.</summary>
    public long Indexed { get; init; }

    /// <summary>Good records whose id was already in the index when the run started, or earlier in this run; the later record wins.</summary>
    public long Replaced { get; init; }

    /// <summary>Records rejected (each reported through <see cref="IndexingOptions.OnError"/>) and not indexed.</summary>
    public long Skipped { get; init; }

    /// <summary>True when reading stopped because <see cref="Skipped"/> exceeded <see cref="IndexingOptions.MaxErrors"/>.</summary>
    public bool StoppedAtMaxErrors { get; init; }

    /// <summary>True when the run was cancelled before reading all its input.</summary>
    public bool Cancelled { get; init; }

    /// <summary>
    /// True when the records are live: committed into the live generation (<c>index</c>, always, even when stopped or
    /// cancelled) or switched to (<c>reindex</c>, only when it read all its input). False for an abandoned reindex,
    /// whose generation was deleted and whose live index is untouched.
    /// </summary>
    public bool Published { get; init; }

    /// <summary>True when nothing was rejected and all input was read: the CLI's exit code 0.</summary>
    public bool IsClean => Skipped == 0 && !StoppedAtMaxErrors && !Cancelled;

    /// <summary>Wall-clock time of the run, commit included.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The generation folder written to (deleted again after an abandoned reindex).</summary>
    public required string IndexPath { get; init; }
}
