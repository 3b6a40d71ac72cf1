using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Schema;
using Search.Querying.Parsing;

namespace Search.Querying.Scoring;

/// <summary>
/// Every article a query matches, from the postings' document lists alone: the exact total and facet counts, and per
/// segment the set of hits (matches that pass every filter) that the ranking then searches among.
/// </summary>
/// <remarks>
/// Counting is kept apart from scoring (#17): a headline-length query matches a third of the corpus, and scoring every
/// match only to count it cost more than anything else in a search. Here each clause's documents are read without
/// their frequencies and set in a bit set per segment (a group's clauses are alternatives; with a minimum number of
/// groups, matched groups are counted per document), the exclusions are cleared, the date range is checked on the
/// documents' doc values, and the <see cref="FacetCollector"/> counts the rest and applies the facet selections.
/// </remarks>
internal sealed class FirstPhaseMatches
{
    private FirstPhaseMatches(FixedBitSet?[] hits, FacetCollector facets, bool timedOut)
    {
        Hits = hits;
        Facets = facets;
        TimedOut = timedOut;
    }

    /// <summary>Per segment (by ordinal), the matching articles that pass every filter; null where there are none.</summary>
    public FixedBitSet?[] Hits { get; }

    /// <summary>The facet counts, each facet under the other facets' selections; its total is the hits'.</summary>
    public FacetCollector Facets { get; }

    /// <summary>True when the time budget ran out: the segments not reached count nothing.</summary>
    public bool TimedOut { get; }

    /// <summary>Finds the matches of <paramref name="groups"/> (see <see cref="PlanQueries.FirstPhaseGroups"/>) under the plan's exclusions and the request's filters.</summary>
    public static FirstPhaseMatches Find(
        IndexSearcher searcher, QueryPlan plan, IReadOnlyList<IReadOnlyList<Query>> groups, TermStates states, SearchRequest request,
        IReadOnlyList<(string Field, IReadOnlyList<string>? Selected)> selections, SearchDeadline deadline)
    {
        var leaves = searcher.IndexReader.Leaves;
        var hits = new FixedBitSet?[leaves.Count];
        var collector = new HitCollector(hits);
        var facets = new FacetCollector(collector, selections);
        var documents = new ClauseDocuments(searcher, states);
        var timedOut = false;
        foreach (var context in leaves)
        {
            if (deadline.Expired)
            {
                timedOut = true;
                break;
            }

            var matches = Matches(context, plan, groups, documents);
            foreach (var exclusion in plan.Exclusions)
            {
                documents.Clear(matches, context, exclusion);
            }

            if (request.From is not null || request.To is not null)
            {
                KeepDateRange(matches, context, request);
            }

            facets.SetNextReader(context);
            var doc = matches.NextSetBit(0);
            while (doc >= 0)
            {
                facets.Collect(doc);
                doc = doc + 1 < matches.Length ? matches.NextSetBit(doc + 1) : -1;
            }
        }

        return new FirstPhaseMatches(hits, facets, timedOut);
    }

    private static FixedBitSet Matches(AtomicReaderContext context, QueryPlan plan, IReadOnlyList<IReadOnlyList<Query>> groups, ClauseDocuments documents)
    {
        var maxDoc = context.AtomicReader.MaxDoc;
        var matches = new FixedBitSet(maxDoc);
        if (plan.Required <= 1)
        {
            foreach (var clause in groups.SelectMany(group => group))
            {
                documents.Set(matches, context, clause);
            }

            return matches;
        }

        // A minimum number of groups: each group's documents once, counted per document.
        var counts = new byte[maxDoc];
        var group = new FixedBitSet(maxDoc);
        foreach (var clauses in groups)
        {
            group.Clear(0, maxDoc);
            foreach (var clause in clauses)
            {
                documents.Set(group, context, clause);
            }

            for (var doc = group.NextSetBit(0); doc >= 0; doc = doc + 1 < maxDoc ? group.NextSetBit(doc + 1) : -1)
            {
                if (++counts[doc] == plan.Required)
                {
                    matches.Set(doc);
                }
            }
        }

        return matches;
    }

    // Articles without a date never match a date range, as the range query on the indexed date never matched them.
    private static void KeepDateRange(FixedBitSet matches, AtomicReaderContext context, SearchRequest request)
    {
        var from = request.From?.ToUnixTimeMilliseconds() ?? long.MinValue;
        var to = request.To?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        var values = context.AtomicReader.GetNumericDocValues(NewsFields.DateMillis);
        var present = context.AtomicReader.GetDocsWithField(NewsFields.DateMillis);
        for (var doc = matches.NextSetBit(0); doc >= 0; doc = doc + 1 < matches.Length ? matches.NextSetBit(doc + 1) : -1)
        {
            if (values is null || present is null || !present.Get(doc) || values.Get(doc) is var millis && (millis < from || millis > to))
            {
                matches.Clear(doc);
            }
        }
    }

    // What the facet collector lets through: the hits of the segment it was last told about.
    private sealed class HitCollector(FixedBitSet?[] hits) : ICollector
    {
        private FixedBitSet? _current;
        private AtomicReaderContext? _context;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            _context = context;
            _current = null;
        }

        public void Collect(int doc)
        {
            _current ??= hits[_context!.Ord] = new FixedBitSet(_context.AtomicReader.MaxDoc);
            _current.Set(doc);
        }
    }
}
