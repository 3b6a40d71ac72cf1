using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Querying;

/// <summary>
/// Counts the values of sorted-set doc-values fields over the collected documents, applies the facet filters, and
/// forwards the documents that pass every filter to an inner collector: multi-select ("drill sideways") faceting in one pass.
/// </summary>
/// <remarks>
/// The query it runs under carries every restriction except the facet selections. Per document, the selections it
/// fails are counted: none, and the document is a hit (forwarded, counted in every facet); exactly one, and it is
/// counted in that facet only, which is "this facet under the other facets' filters"; two or more, and it is dropped.
/// So a facet's counts ignore its own selection, and several values of one facet are alternatives (OR) while facets
/// combine with AND. Counting is by ordinal in an array per segment; ordinals are decoded to strings once per segment
/// core and field (<see cref="FacetOrdinals.Values"/>), so the per-document cost is a few array operations. Order-independent: accepts documents out of order when the inner one does.
/// Selected values are looked up per segment with <see cref="SortedSetDocValues.LookupTerm"/> (a binary search).
/// </remarks>
internal sealed class FacetCollector : ICollector
{
    private readonly FieldCounter[] _fields;
    private readonly ICollector? _inner;

    /// <summary>Plain counting of <paramref name="fields"/>, no selections, nothing forwarded.</summary>
    public FacetCollector(params string[] fields)
        : this(null, fields.Select(field => (field, (IReadOnlyList<string>?)null)).ToArray())
    {
    }

    /// <summary>Counts the fields, filters by their selected values (null or empty: no filter) and forwards hits to <paramref name="inner"/>.</summary>
    public FacetCollector(ICollector? inner, IReadOnlyList<(string Field, IReadOnlyList<string>? Selected)> fields)
    {
        _inner = inner;
        _fields = fields.Select(f => new FieldCounter(f.Field, f.Selected)).ToArray();
    }

    /// <summary>Documents that passed every facet filter (forwarded to the inner collector).</summary>
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => _inner?.AcceptsDocsOutOfOrder ?? true;

    public void SetScorer(Scorer scorer) => _inner?.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        foreach (var field in _fields)
        {
            field.NextSegment(context.AtomicReader);
        }

        _inner?.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        var failed = -1;
        for (var i = 0; i < _fields.Length; i++)
        {
            if (!_fields[i].Load(doc))
            {
                if (failed >= 0)
                {
                    return;
                }

                failed = i;
            }
        }

        if (failed >= 0)
        {
            _fields[failed].Count();
            return;
        }

        TotalHits++;
        foreach (var field in _fields)
        {
            field.Count();
        }

        _inner?.Collect(doc);
    }

    /// <summary>The counts of <paramref name="field"/>, by count descending then value.</summary>
    public IReadOnlyList<FacetValue> Result(string field) => _fields.First(f => f.Name == field).Result();

    private sealed class FieldCounter(string name, IReadOnlyList<string>? selected)
    {
        private readonly Dictionary<string, int> _totals = new(StringComparer.Ordinal);
        private readonly bool _filters = selected is { Count: > 0 };
        private SortedSetDocValues? _values;
        private int[]? _ordinals;
        private string[] _names = [];
        private int[] _counts = [];
        private long[] _selectedOrds = [];
        private long[] _docOrds = new long[4];
        private int _docOrdCount;

        public string Name => name;

        public void NextSegment(AtomicReader reader)
        {
            Flush();
            _values = reader.GetSortedSetDocValues(name);
            _ordinals = _values is null ? null : FacetOrdinals.For(reader, name, _values);
            _names = _values is null ? [] : FacetOrdinals.Values(reader, name, _values);
            _counts = _values is null ? [] : new int[checked((int)_values.ValueCount)];
            if (_filters && _values is not null)
            {
                _selectedOrds = selected!.Select(value => _values.LookupTerm(new BytesRef(value))).Where(ord => ord >= 0).Order().ToArray();
            }
        }

        // Reads the document's ordinals; false when a selection exists and the document has none of the selected values.
        public bool Load(int doc)
        {
            _docOrdCount = 0;
            if (_values is null)
            {
                return !_filters;
            }

            if (_ordinals is not null)
            {
                var single = _ordinals[doc];
                if (single < 0)
                {
                    return !_filters;
                }

                _docOrds[_docOrdCount++] = single;
                return !_filters || Array.BinarySearch(_selectedOrds, (long)single) >= 0;
            }

            _values.SetDocument(doc);
            long ord;
            var pass = !_filters;
            while ((ord = _values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                if (_docOrdCount == _docOrds.Length)
                {
                    Array.Resize(ref _docOrds, _docOrds.Length * 2);
                }

                _docOrds[_docOrdCount++] = ord;
                pass = pass || Array.BinarySearch(_selectedOrds, ord) >= 0;
            }

            return pass;
        }

        public void Count()
        {
            for (var i = 0; i < _docOrdCount; i++)
            {
                _counts[_docOrds[i]]++;
            }
        }

        public IReadOnlyList<FacetValue> Result()
        {
            Flush();
            return _totals
                .Select(pair => new FacetValue(pair.Key, pair.Value))
                .OrderByDescending(value => value.Count)
                .ThenBy(value => value.Value, StringComparer.Ordinal)
                .ToList();
        }

        private void Flush()
        {
            if (_values is null)
            {
                return;
            }

            for (var ord = 0; ord < _counts.Length; ord++)
            {
                if (_counts[ord] != 0)
                {
                    var value = _names[ord];
                    _totals[value] = _totals.GetValueOrDefault(value) + _counts[ord];
                }
            }

            _values = null;
            _ordinals = null;
            _names = [];
            _counts = [];
        }
    }
}
