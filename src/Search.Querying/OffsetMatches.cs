using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Querying;

/// <summary>Where a field's query terms stand in a page of hits, read from the offsets in the field's postings.</summary>
/// <remarks>
/// #6: snippets re-analyzed each hit's body to find the query's words, about a fifth of the API's CPU. The stemmed body
/// is indexed with offsets (<see cref="Search.Core.Schema.NewsDocumentMapper.BodyType"/>), so the same tokens, written
/// by the same analysis chain, are read back instead: per segment, each term is looked up once and its postings are
/// advanced through the segment's hits in document order. A segment whose field was indexed without offsets (an index
/// built by other code) yields <c>null</c> for its hits, and the caller analyzes their text as before.
/// </remarks>
internal static class OffsetMatches
{
    /// <summary>For each of <paramref name="docs"/> (top-level document ids), the tokens of <paramref name="field"/> whose term is in <paramref name="terms"/>, ordered by offset; <c>null</c> where the index has no offsets to read.</summary>
    public static List<SnippetBuilder.Match>?[] Find(IndexReader reader, IReadOnlyList<int> docs, string field, IReadOnlySet<string> terms)
    {
        var result = new List<SnippetBuilder.Match>?[docs.Count];
        var leaves = reader.Leaves;
        var bytes = terms.Select(term => (Term: term, Bytes: new BytesRef(term))).ToArray();
        foreach (var group in Enumerable.Range(0, docs.Count).GroupBy(i => ReaderUtil.SubIndex(docs[i], leaves)))
        {
            var leaf = leaves[group.Key];
            var hits = group.OrderBy(i => docs[i]).ToArray();
            var info = leaf.AtomicReader.FieldInfos.FieldInfo(field);
            if (info is not null && (!info.IsIndexed || info.IndexOptions != IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS))
            {
                continue;
            }

            foreach (var i in hits)
            {
                result[i] = [];
            }

            var indexed = info is null ? null : leaf.AtomicReader.GetTerms(field);
            if (indexed is null)
            {
                continue;
            }

            var termsEnum = indexed.GetEnumerator();
            DocsAndPositionsEnum? postings = null;
            foreach (var (term, termBytes) in bytes)
            {
                if (!termsEnum.SeekExact(termBytes))
                {
                    continue;
                }

                postings = termsEnum.DocsAndPositions(null, postings, DocsAndPositionsFlags.OFFSETS);
                if (postings is null)
                {
                    continue;
                }

                foreach (var i in hits)
                {
                    var doc = docs[i] - leaf.DocBase;
                    var at = postings.DocID >= doc ? postings.DocID : postings.Advance(doc);
                    if (at == DocIdSetIterator.NO_MORE_DOCS)
                    {
                        break;
                    }

                    if (at != doc)
                    {
                        continue;
                    }

                    var matches = result[i]!;
                    for (var n = postings.Freq; n > 0; n--)
                    {
                        postings.NextPosition();
                        matches.Add(new SnippetBuilder.Match(postings.StartOffset, postings.EndOffset, term));
                    }
                }
            }

            foreach (var i in hits)
            {
                result[i]!.Sort(SnippetBuilder.Match.TextOrder);
            }
        }

        return result;
    }
}
