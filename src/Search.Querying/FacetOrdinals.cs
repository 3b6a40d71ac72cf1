using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Search.Querying;

/// <summary>A facet field's value ordinal per document of one segment, as a plain array, kept as long as the segment lives.</summary>
/// <remarks>
/// Category, source and month hold one value per article; reading it through <see cref="SortedSetDocValues"/> costs two
/// decoding calls per document and field, which dominated faceting on broad queries (thousands of matches). The array
/// (4 bytes per document and field: 0.5 MB for three fields over 41,661 articles) is filled once per segment core and
/// shared by every search. A field where some document has several values keeps the doc-values path (null here).
/// </remarks>
internal static class FacetOrdinals
{
    private static readonly ConditionalWeakTable<object, Dictionary<string, int[]?>> BySegment = new();
    private static readonly ConditionalWeakTable<object, Dictionary<string, string[]>> ValuesBySegment = new();

    /// <summary>The ordinal of each document (−1: none), or null when the field is multi-valued in this segment.</summary>
    public static int[]? For(AtomicReader segment, string field, SortedSetDocValues values)
    {
        var fields = BySegment.GetValue(segment.CoreCacheKey, _ => new Dictionary<string, int[]?>(StringComparer.Ordinal));
        lock (fields)
        {
            if (!fields.TryGetValue(field, out var ordinals))
            {
                ordinals = Read(segment.MaxDoc, values);
                fields[field] = ordinals;
            }

            return ordinals;
        }
    }

    /// <summary>The value of each ordinal of the field in this segment, decoded once and shared by every search (#6).</summary>
    public static string[] Values(AtomicReader segment, string field, SortedSetDocValues values)
    {
        var fields = ValuesBySegment.GetValue(segment.CoreCacheKey, _ => new Dictionary<string, string[]>(StringComparer.Ordinal));
        lock (fields)
        {
            if (!fields.TryGetValue(field, out var strings))
            {
                strings = new string[checked((int)values.ValueCount)];
                var bytes = new Lucene.Net.Util.BytesRef();
                for (var ord = 0; ord < strings.Length; ord++)
                {
                    values.LookupOrd(ord, bytes);
                    strings[ord] = bytes.Utf8ToString();
                }

                fields[field] = strings;
            }

            return strings;
        }
    }

    private static int[]? Read(int maxDoc, SortedSetDocValues values)
    {
        var ordinals = new int[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++)
        {
            values.SetDocument(doc);
            var first = values.NextOrd();
            if (first != SortedSetDocValues.NO_MORE_ORDS && values.NextOrd() != SortedSetDocValues.NO_MORE_ORDS)
            {
                return null;
            }

            ordinals[doc] = first == SortedSetDocValues.NO_MORE_ORDS ? -1 : checked((int)first);
        }

        return ordinals;
    }
}
