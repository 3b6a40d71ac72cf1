using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Querying;

/// <summary>Counts the values of sorted-set doc-values fields over every collected document.</summary>
/// <remarks>
/// Counting is by ordinal in an array per segment; ordinals are turned into strings once per segment, when the
/// next segment starts or at the end, so the per-document cost is an array increment. Order-independent, so it
/// accepts documents out of order and can run beside any top-docs collector in a <see cref="MultiCollector"/>.
/// </remarks>
internal sealed class FacetCollector : ICollector
{
    private readonly FieldCounter[] _fields;

    public FacetCollector(params string[] fields)
    {
        _fields = fields.Select(field => new FieldCounter(field)).ToArray();
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        foreach (var field in _fields)
        {
            field.NextSegment(context.AtomicReader);
        }
    }

    public void Collect(int doc)
    {
        foreach (var field in _fields)
        {
            field.Collect(doc);
        }
    }

    /// <summary>The counts of <paramref name="field"/>, by count descending then value.</summary>
    public IReadOnlyList<FacetValue> Result(string field) => _fields.First(f => f.Name == field).Result();

    private sealed class FieldCounter(string name)
    {
        private readonly Dictionary<string, int> _totals = new(StringComparer.Ordinal);
        private SortedSetDocValues? _values;
        private int[] _counts = [];

        public string Name => name;

        public void NextSegment(AtomicReader reader)
        {
            Flush();
            _values = reader.GetSortedSetDocValues(name);
            _counts = _values is null ? [] : new int[checked((int)_values.ValueCount)];
        }

        public void Collect(int doc)
        {
            if (_values is null)
            {
                return;
            }

            _values.SetDocument(doc);
            long ord;
            while ((ord = _values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                _counts[ord]++;
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

            var bytes = new BytesRef();
            for (var ord = 0; ord < _counts.Length; ord++)
            {
                if (_counts[ord] == 0)
                {
                    continue;
                }

                _values.LookupOrd(ord, bytes);
                var value = bytes.Utf8ToString();
                _totals[value] = _totals.GetValueOrDefault(value) + _counts[ord];
            }

            _values = null;
            _counts = [];
        }
    }
}
