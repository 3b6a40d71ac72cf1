namespace Search.Querying.Collapsing;

/// <summary>Another article carrying the story of a hit: where else it ran.</summary>
/// <param name="Id">Article id.</param>
/// <param name="Source">Source, or null.</param>
/// <param name="Category">Category, or null.</param>
/// <param name="Url">Original URL, or null.</param>
/// <param name="Date">Publication date as the source wrote it (ISO 8601), or null.</param>
public sealed record StoryCopy(string Id, string? Source, string? Category, string? Url, string? Date);
