using System.Diagnostics;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Schema;
using Search.Querying.Collapsing;
using Search.Querying.Parsing;
using Search.Querying.Scoring;
using Search.Querying.Spelling;

namespace Search.Querying;

/// <summary>Runs one parsed search on one searcher: filters, facets, sort and recency, correction, highlighting.</summary>
/// <remarks>
/// One pass collects everything: the query runs under the date range only; a <see cref="FacetCollector"/> applies the
/// facet selections, counts the facets (each under the other facets' filters) and forwards the hits to the top-docs
/// collector, optionally through a <see cref="RecencyBoostCollector"/>. Totals are exact (every match is visited for
/// the facets anyway, so capping the count would save nothing). Ties in the sort fall back to newest, then doc id, so
/// pages of one searcher never overlap or skip. Corrections (the correction's results, did-you-mean, the typo-tolerant
/// retry) are decided by <see cref="QueryCorrection"/>.
/// </remarks>
internal sealed class SearchExecutor(
    NewsQueryParser parser, Analyzer analyzer, SuggestionService suggestions, TimeSpan budget, Counter? budgetClock, bool waitForSpellingModel = true)
{
    private static readonly ConditionalWeakTable<IndexReader, StrongBox<long>> NewestByReader = new();

    private readonly QueryCorrection _corrections = new(parser, analyzer, suggestions, waitForSpellingModel);

    public SearchPage Execute(SearchRequest request, ParsedQuery parsed, IndexSearcher searcher, long started)
    {
        var text = request.Query ?? string.Empty;
        var parseMs = ElapsedMs(started);
        if (parsed.Kind == ParsedQueryKind.Nothing)
        {
            return new SearchPage(text, 0, ElapsedMs(started), request.Page, request.Size, [], SearchFacets.Empty)
            {
                Timings = SearchTimings.None with { ParseMs = parseMs },
            };
        }

        // Browsing (no words) has nothing to rank by: newest first is what a news reader expects.
        var byDate = request.Sort == SearchSort.Date || parsed.Kind == ParsedQueryKind.All;
        var phase = Stopwatch.GetTimestamp();

        // One hit per story (#21): rank more than the page needs, so that collapsing copies still fills it.
        var clusters = request.Collapse ? StoryClusters.For(searcher.IndexReader) : null;
        var wanted = request.Page * request.Size;
        var count = clusters is null ? wanted : StoryCollapser.Candidates(wanted);
        Func<int, SearchRun> rank = n => RunParsed(searcher, parsed, byDate, request, n);
        var run = rank(count);
        var matchMs = Lap(ref phase) - run.RescoreMs;
        string? didYouMean = null;
        string? searched = null;
        var provisional = false;
        if (parsed.Kind == ParsedQueryKind.Terms && request.Correct)
        {
            // #18: the correction's results, a did-you-mean or the typo-tolerant retry (see QueryCorrection). When the page
            // shows another query's hits, collapsing ranks more of that query's.
            var ranks = new Dictionary<SearchRun, Func<int, SearchRun>>(ReferenceEqualityComparer.Instance);
            SearchRun Ranked(Func<int, SearchRun> ranking)
            {
                var result = ranking(count);
                ranks[result] = ranking;
                return result;
            }

            (run, didYouMean, searched, provisional) = _corrections.Apply(searcher.IndexReader, text, run,
                query => Ranked(n => Run(searcher, query, byDate, request, n)),
                corrected => Ranked(n => RunParsed(searcher, corrected, byDate, request, n)),
                candidate => HasResults(searcher, candidate, request));
            rank = ranks.GetValueOrDefault(run, rank);

        }

        var correctionMs = Lap(ref phase);
        var docs = clusters is null
            ? run.Ranked.Skip((request.Page - 1) * request.Size).Take(request.Size).ToArray()
            : StoryCollapser.Page(run.Ranked, count, n => rank(n).Ranked, clusters, request.Page, request.Size);
        var hits = new List<SearchHit>(docs.Length);
        if (docs.Length > 0)
        {
            var highlight = HighlightPlan.For(analyzer, run.Highlight);
            var indexedBody = highlight.IndexedBody(searcher.IndexReader, [.. docs.Select(scoreDoc => scoreDoc.Doc)]);
            for (var i = 0; i < docs.Length; i++)
            {
                var scoreDoc = docs[i];
                var hit = HitMapper.ToHit(searcher.Doc(scoreDoc.Doc), scoreDoc.Score, analyzer, highlight, indexedBody[i]);
                if (clusters is not null)
                {
                    var (copies, copyCount) = StoryCollapser.Copies(searcher, clusters, scoreDoc.Doc);
                    hit = hit with { Copies = copies, CopyCount = copyCount };
                }

                hits.Add(hit);
            }
        }

        var facets = new SearchFacets(run.Facets.Result(NewsFields.Category), run.Facets.Result(NewsFields.Source))
        {
            Month = run.Facets.Result(NewsFields.Month),
        };
        var hitsMs = Lap(ref phase);
        return new SearchPage(text, run.Total, ElapsedMs(started), request.Page, request.Size, hits, facets)
        {
            Timings = new SearchTimings(parseMs, Math.Round(matchMs, 3), run.RescoreMs, correctionMs, hitsMs),
            DidYouMean = didYouMean,
            Corrected = searched is not null,
            SearchedQuery = searched,
            TimedOut = run.TimedOut,
            Provisional = provisional,
            Collapsed = clusters is not null,
        };
    }

    /// <summary>The newest publication time in the index (Unix ms), the reference of the recency boost; computed once per reader.</summary>
    public static long NewestMillis(IndexReader reader) => NewestByReader.GetValue(reader, ComputeNewest).Value;

    // A parsed query: in two phases when the configuration ranks that way and the query has words, else in one.
    // `wanted`: how many ranked hits to return (the page's end, or more when collapsing).
    private SearchRun RunParsed(IndexSearcher searcher, ParsedQuery parsed, bool byDate, SearchRequest request, int wanted) =>
        parsed.Plan is { } plan && parser.Weights.RescoreDepth > 0
            ? RunTwoPhase(searcher, parsed, plan, byDate, request, wanted)
            : Run(searcher, parsed.Query, byDate, request, wanted, parsed.Plan);

    private SearchRun Run(IndexSearcher searcher, Query query, bool byDate, SearchRequest request, int wanted, QueryPlan? plan = null)
    {
        var rewritten = searcher.Rewrite(ApplyDateRange(query, request));
        var (ranked, facets, timedOut) = Collect(searcher, rewritten, byDate, request, wanted);
        return new SearchRun(ranked, facets, facets.TotalHits, plan is null ? HighlightTerms.From(rewritten) : HighlightTerms.From(plan), timedOut);
    }

    // Two phases (#17): the first finds every match from the postings' document lists (the exact total and the facet
    // counts) and the best candidates by a plain score with MaxScore pruning; the second ranks those candidates by the
    // full configuration (see PlanRescorer). Sorted by date, the score only breaks ties of one instant: the
    // newest hits and their ties of the same instant are ranked fully (see NewestHits).
    private SearchRun RunTwoPhase(IndexSearcher searcher, ParsedQuery parsed, QueryPlan plan, bool byDate, SearchRequest request, int wanted)
    {
        var depth = parser.Weights.RescoreDepth;
        var states = new TermStates(searcher.TopReaderContext, (searcher as ResultCachingSearcher)?.TermStates);
        var highlight = HighlightTerms.From(plan);
        var deadline = SearchDeadline.Start(budget, budgetClock);
        var groups = PlanQueries.FirstPhaseGroups(plan, searcher.IndexReader);
        var matches = FirstPhaseMatches.Find(searcher, plan, groups, states, request, Selections(request), deadline);
        if (byDate)
        {
            var started = Stopwatch.GetTimestamp();
            var newest = Rescoring.NewestFirst(searcher, plan, NewestHits.Find(searcher, matches.Hits, wanted), states);
            return new SearchRun(newest.Length > wanted ? newest[..wanted] : newest, matches.Facets, matches.Facets.TotalHits, highlight,
                matches.TimedOut, Lap(ref started));
        }

        var recency = Recency(searcher.IndexReader, request);
        var ranked = FirstPhaseTop.Find(searcher, [.. groups.SelectMany(group => group)], states, matches.Hits,
            Math.Max(depth, wanted), recency, deadline, out var timedOut);
        var rescoring = Stopwatch.GetTimestamp();
        ranked = Rescoring.Apply(searcher, plan, ranked, depth, recency, states);
        if (ranked.Length > wanted)
        {
            ranked = ranked[..wanted];
        }

        return new SearchRun(ranked, matches.Facets, matches.Facets.TotalHits, highlight, matches.TimedOut || timedOut, Lap(ref rescoring));
    }

    // The recency factor by publication time, when the request asks for one.
    private static Func<long, float>? Recency(IndexReader reader, SearchRequest request)
    {
        if (request.RecencyHalfLifeDays is not { } halfLife)
        {
            return null;
        }

        var newest = NewestMillis(reader);
        var halfLifeMillis = halfLife * 86_400_000d;
        return millis => RecencyBoostCollector.Factor(newest, millis, halfLifeMillis);
    }

    // One pass over the matches of a rewritten query: the best `count` hits (by score then newest, or newest then
    // score), the facet counts and the total.
    private (ScoreDoc[] Ranked, FacetCollector Facets, bool TimedOut) Collect(IndexSearcher searcher, Query rewritten, bool byDate, SearchRequest request, int count)
    {
        var newest = new SortField(NewsFields.DateMillis, SortFieldType.INT64, reverse: true);
        var sort = byDate ? new Sort(newest, SortField.FIELD_SCORE) : new Sort(SortField.FIELD_SCORE, newest);
        var top = TopFieldCollector.Create(sort, count, fillFields: false, trackDocScores: true,
            trackMaxScore: false, docsScoredInOrder: false);
        ICollector ranked = top;
        if (!byDate && request.RecencyHalfLifeDays is { } halfLife)
        {
            ranked = new RecencyBoostCollector(top, NewestMillis(searcher.IndexReader), halfLife);
        }

        var facets = new FacetCollector(ranked, Selections(request));
        var timedOut = false;
        if (budget > TimeSpan.Zero)
        {
            // #7: a guard against a query that visits far more than expected; collection stops at the budget and the
            // page says so, rather than holding a request thread (and the client) indefinitely.
            var limited = new TimeLimitingCollector(facets, budgetClock ?? TimeLimitingCollector.GlobalCounter,
                (long)budget.TotalMilliseconds);
            limited.SetBaseline();
            try
            {
                searcher.Search(rewritten, limited);
            }
            catch (TimeLimitingCollector.TimeExceededException)
            {
                timedOut = true;
            }
        }
        else
        {
            searcher.Search(rewritten, facets);
        }

        return (top.GetTopDocs(0, count).ScoreDocs, facets, timedOut);
    }

    private bool HasResults(IndexSearcher searcher, string text, SearchRequest request)
    {
        var parsed = parser.Parse(text);
        if (parsed.Kind != ParsedQueryKind.Terms)
        {
            return false;
        }

        var first = new FirstHit();
        searcher.Search(ApplyDateRange(parsed.Query, request), new FacetCollector(first, Selections(request)));
        return first.Found;
    }

    private static (string Field, IReadOnlyList<string>? Selected)[] Selections(SearchRequest request) =>
    [
        (NewsFields.Category, request.Categories),
        (NewsFields.Source, request.Sources),
        (NewsFields.Month, request.Months),
    ];

    // Filters restrict without scoring, so they never change the ranking of what they keep.
    private static Query ApplyDateRange(Query query, SearchRequest request)
    {
        if (request.From is null && request.To is null)
        {
            return query;
        }

        var range = NumericRangeQuery.NewInt64Range(
            NewsFields.DateMillis,
            request.From?.ToUnixTimeMilliseconds(),
            request.To?.ToUnixTimeMilliseconds(),
            minInclusive: true,
            maxInclusive: true);
        return new FilteredQuery(query, new QueryWrapperFilter(range));
    }

    private static StrongBox<long> ComputeNewest(IndexReader reader)
    {
        var newest = long.MinValue;
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetNumericDocValues(NewsFields.DateMillis);
            var present = leaf.AtomicReader.GetDocsWithField(NewsFields.DateMillis);
            if (values is null || present is null)
            {
                continue;
            }

            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                if (present.Get(doc))
                {
                    newest = Math.Max(newest, values.Get(doc));
                }
            }
        }

        return new StrongBox<long>(newest == long.MinValue ? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() : newest);
    }

    // Stops at the first document that passes the filters: a correction only needs to have results, not to count them.
    private sealed class FirstHit : ICollector
    {
        public bool Found { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            if (Found)
            {
                throw new CollectionTerminatedException();
            }
        }

        public void Collect(int doc)
        {
            Found = true;
            throw new CollectionTerminatedException();
        }
    }

    // Milliseconds since the last lap, and the lap moved to now.
    private static double Lap(ref long since)
    {
        var now = Stopwatch.GetTimestamp();
        var ms = Stopwatch.GetElapsedTime(since, now).TotalMilliseconds;
        since = now;
        return Math.Round(ms, 3);
    }

    /// <summary>Milliseconds since <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp), as pages report them.</summary>
    public static double ElapsedMs(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2);
}
