using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Querying.Scoring;

/// <summary>Reads the documents a clause matches in a segment into a bit set, or clears them from it.</summary>
/// <remarks>
/// A term's documents come straight from its postings, without frequencies, through the search's shared lookups
/// (<see cref="TermStates"/>) and one reused postings enum per field and segment; any other clause (a phrase) is run
/// through its Lucene weight.
/// </remarks>
internal sealed class ClauseDocuments(IndexSearcher searcher, TermStates states)
{
    private readonly Dictionary<(string Field, int Segment), DocsEnum> _reuse = [];
    private readonly Dictionary<Query, Weight> _weights = new(ReferenceEqualityComparer.Instance);

    /// <summary>Sets the documents of <paramref name="clause"/> in <paramref name="bits"/>.</summary>
    public void Set(FixedBitSet bits, AtomicReaderContext context, Query clause)
    {
        if (Iterator(context, clause) is { } docs)
        {
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                bits.Set(doc);
            }
        }
    }

    /// <summary>Clears the documents of <paramref name="clause"/> from <paramref name="bits"/>.</summary>
    public void Clear(FixedBitSet bits, AtomicReaderContext context, Query clause)
    {
        if (Iterator(context, clause) is { } docs)
        {
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                bits.Clear(doc);
            }
        }
    }

    private DocIdSetIterator? Iterator(AtomicReaderContext context, Query clause)
    {
        var live = context.AtomicReader.LiveDocs;
        if (clause is TermQuery { Term: var term })
        {
            if (states.State(term).Get(context.Ord) is not { } state || states.Terms(context, term.Field) is not { } terms)
            {
                return null;
            }

            terms.SeekExact(term.Bytes, state);
            var docs = terms.Docs(live, _reuse.GetValueOrDefault((term.Field, context.Ord)), DocsFlags.NONE);
            _reuse[(term.Field, context.Ord)] = docs;
            return docs;
        }

        if (!_weights.TryGetValue(clause, out var weight))
        {
            _weights[clause] = weight = searcher.CreateNormalizedWeight(states.Bind(clause));
        }

        return weight.GetScorer(context, live);
    }
}
