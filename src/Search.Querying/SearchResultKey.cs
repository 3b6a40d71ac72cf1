using System.Runtime.CompilerServices;

namespace Search.Querying;

/// <summary>Everything that decides a <see cref="SearchPage"/> on a given reader: the key of <see cref="SearchResultCache"/> (#6).</summary>
/// <remarks>
/// The ranking configuration counts by identity, not by name or value: two configurations may share a name (a file
/// edited under it, or the loader's <c>custom</c>), and <see cref="NewsSearcher"/> keeps one instance per configuration
/// in use. The query text is compared exactly (the page echoes it). Facet selections are sets: the executor looks
/// each value up and ORs them (see <see cref="FacetCollector"/>), so order and repeats do not change the answer, and
/// null and empty both mean no filter. Dates compare as instants, whatever their offset.
/// </remarks>
internal sealed class SearchResultKey : IEquatable<SearchResultKey>
{
    private readonly RankingWeights _ranking;
    private readonly string _query;
    private readonly int _page;
    private readonly int _size;
    private readonly string[] _categories;
    private readonly string[] _sources;
    private readonly string[] _months;
    private readonly DateTimeOffset? _from;
    private readonly DateTimeOffset? _to;
    private readonly SearchSort _sort;
    private readonly double? _recencyHalfLifeDays;
    private readonly bool _correct;
    private readonly int _variants;
    private readonly bool _collapse;
    private readonly int _hash;

    private SearchResultKey(RankingWeights ranking, SearchRequest request, int variants)
    {
        _ranking = ranking;
        _variants = variants;

        // A null query is searched as the empty one (see SearchExecutor), and echoed as it.
        _query = request.Query ?? string.Empty;
        _page = request.Page;
        _size = request.Size;
        _categories = AsSet(request.Categories);
        _sources = AsSet(request.Sources);
        _months = AsSet(request.Months);
        _from = request.From;
        _to = request.To;
        _sort = request.Sort;
        _recencyHalfLifeDays = request.RecencyHalfLifeDays;
        _correct = request.Correct;
        _collapse = request.Collapse;

        var hash = new HashCode();
        hash.Add(RuntimeHelpers.GetHashCode(_ranking));
        hash.Add(_query, StringComparer.Ordinal);
        hash.Add(_page);
        hash.Add(_size);
        foreach (var values in new[] { _categories, _sources, _months })
        {
            hash.Add(values.Length);
            foreach (var value in values)
            {
                hash.Add(value, StringComparer.Ordinal);
            }
        }

        hash.Add(_from);
        hash.Add(_to);
        hash.Add(_sort);
        hash.Add(_recencyHalfLifeDays);
        hash.Add(_correct);
        hash.Add(_variants);
        hash.Add(_collapse);
        _hash = hash.ToHashCode();
    }

    /// <summary>The key of <paramref name="request"/> ranked by <paramref name="ranking"/>, with the name variants of <paramref name="variants"/> (their version, #18).</summary>
    public static SearchResultKey For(RankingWeights ranking, SearchRequest request, int variants = 0)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(request);
        return new SearchResultKey(ranking, request, variants);
    }

    public bool Equals(SearchResultKey? other) =>
        other is not null
        && _hash == other._hash
        && ReferenceEquals(_ranking, other._ranking)
        && string.Equals(_query, other._query, StringComparison.Ordinal)
        && _page == other._page
        && _size == other._size
        && _categories.AsSpan().SequenceEqual(other._categories)
        && _sources.AsSpan().SequenceEqual(other._sources)
        && _months.AsSpan().SequenceEqual(other._months)
        && Nullable.Equals(_from, other._from)
        && Nullable.Equals(_to, other._to)
        && _sort == other._sort
        && Nullable.Equals(_recencyHalfLifeDays, other._recencyHalfLifeDays)
        && _correct == other._correct
        && _variants == other._variants
        && _collapse == other._collapse;

    public override bool Equals(object? obj) => Equals(obj as SearchResultKey);

    public override int GetHashCode() => _hash;

    // Sorted and without repeats, so that equal sets give equal arrays.
    private static string[] AsSet(IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            return [];
        }

        var set = values.Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(set, StringComparer.Ordinal);
        return set;
    }
}
