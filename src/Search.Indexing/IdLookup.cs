using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Schema;

namespace Search.Indexing;

/// <summary>Answers "is this id live in the index?" against one point-in-time reader; not thread-safe.</summary>
/// <remarks>
/// A term can outlive its documents (an updated or deleted document stays in its segment until a merge), so a hit
/// in the terms dictionary is confirmed against the segment's live documents.
/// </remarks>
internal sealed class IdLookup
{
    private readonly Leaf[] _leaves;

    public IdLookup(IndexReader reader)
    {
        var leaves = new List<Leaf>();
        foreach (var context in reader.Leaves)
        {
            var terms = context.AtomicReader.GetTerms(NewsFields.Id);
            if (terms is not null)
            {
                leaves.Add(new Leaf(terms.GetEnumerator(), context.AtomicReader.LiveDocs));
            }
        }

        _leaves = [.. leaves];
    }

    public bool Contains(string id)
    {
        var term = new BytesRef(id);
        foreach (var leaf in _leaves)
        {
            if (!leaf.Terms.SeekExact(term))
            {
                continue;
            }

            leaf.Docs = leaf.Terms.Docs(leaf.LiveDocs, leaf.Docs, DocsFlags.NONE);
            if (leaf.Docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Leaf(TermsEnum terms, IBits? liveDocs)
    {
        public TermsEnum Terms { get; } = terms;

        public IBits? LiveDocs { get; } = liveDocs;

        public DocsEnum? Docs { get; set; }
    }
}
