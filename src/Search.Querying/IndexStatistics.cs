namespace Search.Querying;

/// <summary>Figures about the open index, for the CLI's <c>stats</c> verb and monitoring.</summary>
/// <param name="DocumentCount">Live documents.</param>
/// <param name="DeletedCount">Deleted documents not yet merged away.</param>
/// <param name="Categories">Documents per category, by count then value.</param>
/// <param name="Sources">Documents per source, by count then value.</param>
/// <param name="SizeBytes">Bytes of all files in the generation folder.</param>
/// <param name="SchemaVersion">Schema version in the commit user data.</param>
/// <param name="Generation">Full path of the generation folder.</param>
/// <param name="LastCommit">Time the open commit was written (its segments file), when known.</param>
/// <param name="SegmentCount">Number of segments.</param>
public sealed record IndexStatistics(
    int DocumentCount,
    int DeletedCount,
    IReadOnlyList<FacetValue> Categories,
    IReadOnlyList<FacetValue> Sources,
    long SizeBytes,
    int? SchemaVersion,
    string Generation,
    DateTimeOffset? LastCommit,
    int SegmentCount);
