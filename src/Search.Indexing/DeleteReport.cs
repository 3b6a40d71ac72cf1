namespace Search.Indexing;

/// <summary>What a delete did: which ids were in the index and are now gone, and which were not there.</summary>
/// <param name="Deleted">Ids found in the index and deleted, in the order given (duplicates once).</param>
/// <param name="Absent">Ids not in the index, in the order given: nothing to delete.</param>
/// <param name="IndexPath">The live generation folder.</param>
public sealed record DeleteReport(IReadOnlyList<string> Deleted, IReadOnlyList<string> Absent, string IndexPath);
