namespace Search.Core.Replication;

/// <summary>What one commit of a generation folder is: its <c>segments_N</c>, generation, schema version and files.</summary>
/// <param name="SegmentsFileName">The commit point, <c>segments_N</c>.</param>
/// <param name="Generation">N, the commit generation within the folder.</param>
/// <param name="SchemaVersion">The schema version in the commit's user data, or null when it carries none.</param>
/// <param name="Analysis">The analysis profile name in the commit's user data, or null when it names none.</param>
/// <param name="FileNames">Every file the commit needs, <see cref="SegmentsFileName"/> included, sorted ordinally.</param>
public sealed record CommitListing(string SegmentsFileName, long Generation, int? SchemaVersion, string? Analysis, IReadOnlyList<string> FileNames);
