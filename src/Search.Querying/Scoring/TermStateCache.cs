using System.Collections.Concurrent;
using Lucene.Net.Index;

namespace Search.Querying.Scoring;

/// <summary>The terms-dictionary lookups of one index reader, kept across its searches (at most <see cref="Capacity"/> terms).</summary>
/// <remarks>
/// A search box's queries share their words (Zipf: a few are most of the traffic), and a headline-length query looks
/// up some sixty terms in every segment. A lookup is immutable once made and belongs to its reader, so the searcher of
/// each reader keeps its own: nothing is invalidated, and the cache goes with the reader. When full, new terms are
/// looked up as before and not kept.
/// </remarks>
internal sealed class TermStateCache
{
    /// <summary>The most terms kept per reader: a lookup holds a term state per segment, a few hundred bytes in all.</summary>
    public const int Capacity = 50_000;

    private readonly ConcurrentDictionary<Term, TermContext> _states = new();

    /// <summary>The lookup of <paramref name="term"/> in the reader of <paramref name="top"/>, made once.</summary>
    public TermContext Get(IndexReaderContext top, Term term)
    {
        if (_states.TryGetValue(term, out var state))
        {
            return state;
        }

        state = TermContext.Build(top, term);
        if (_states.Count < Capacity)
        {
            _states.TryAdd(term, state);
        }

        return state;
    }
}
