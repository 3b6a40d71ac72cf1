using Search.Querying.Collapsing;

namespace Search.Api.Contracts;

/// <summary>Another article carrying a hit's story ("also in"): plain text values, null when the article has none.</summary>
public sealed record StoryCopyResponse(string Id, string? Source, string? Category, string? Url, string? Date)
{
    public static StoryCopyResponse From(StoryCopy copy) => new(copy.Id, copy.Source, copy.Category, copy.Url, copy.Date);
}
