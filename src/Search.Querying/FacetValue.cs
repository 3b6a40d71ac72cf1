namespace Search.Querying;

/// <summary>One value of a facet and how many matching articles carry it.</summary>
public sealed record FacetValue(string Value, int Count);
