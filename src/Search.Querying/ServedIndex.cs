namespace Search.Querying;

/// <summary>Cheap figures of the index reader being served, for monitoring (see <see cref="ServedIndexProbe"/>).</summary>
/// <param name="Generation">Full path of the generation folder.</param>
/// <param name="GenerationNumber">The generation's number (<c>gen-000042</c> is 42): it grows with every <c>reindex</c>.</param>
/// <param name="Documents">Live documents.</param>
/// <param name="Segments">Segments of the open commit.</param>
/// <param name="LastCommit">Time the open commit was written (its segments file), when known.</param>
public sealed record ServedIndex(string Generation, int GenerationNumber, int Documents, int Segments, DateTimeOffset? LastCommit);
