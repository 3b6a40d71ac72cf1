namespace Search.Indexing;

/// <summary>The counts and ending of one <see cref="IndexBuilder"/> run, before it becomes an <see cref="IndexingReport"/>.</summary>
internal sealed record BuildResult(long Read, long Indexed, long Replaced, long Skipped, bool StoppedAtMaxErrors, bool Cancelled)
{
    public bool ReadAll => !StoppedAtMaxErrors && !Cancelled;

    public long Good => Indexed + Replaced;
}
