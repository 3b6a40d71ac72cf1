using Search.Querying;

namespace Search.Api.Contracts;

/// <summary>One facet value and its count.</summary>
public sealed record FacetValueResponse(string Value, int Count)
{
    public static FacetValueResponse From(FacetValue value) => new(value.Value, value.Count);
}
