using System.Collections.Concurrent;
using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Core.Storage;
using Search.Querying.Variants;

namespace Search.Querying;

/// <summary>Runs searches on the live index generation and follows it as the CLI commits and reindexes. One per process; thread-safe.</summary>
/// <remarks>
/// The live generation is the one <see cref="IndexLayout"/>'s CURRENT names. A timer (<see cref="NewsSearcherOptions.RefreshInterval"/>)
/// calls <see cref="Refresh"/>: when CURRENT names the open generation, its SearcherManager picks up new commits
/// (MaybeRefresh); when it names another one (after <c>reindex</c>), a manager is opened on it, checked, swapped in
/// atomically, and the old one is closed once the searches still using it return their <see cref="SearcherLease"/>.
/// An index that appears later is picked up the same way, so the service goes from Missing to Ready without restart.
/// Every opened commit is checked with <see cref="IndexSchema.Check"/>; an index of another schema version is refused.
/// <para>
/// Searches go through a result cache (#6, <see cref="NewsSearcherOptions.ResultCacheEntries"/>): each reader's searcher
/// carries the pages computed on it (see <see cref="ResultCachingSearcher"/>), so a repeated search is answered without
/// running until the next commit or reindex, and never from an older reader.
/// </para>
/// </remarks>
public sealed class NewsSearcher : IDisposable
{
    private static readonly string[] FacetFields = [NewsFields.Category, NewsFields.Source];

    private readonly IndexLayout _layout;
    private readonly NewsQueryParser _parser;
    private readonly NameVariants _variants;
    private readonly Analyzer _analyzer;
    private readonly SuggestionService _suggestions;
    private readonly SearchExecutor _executor;
    private readonly SearcherFactory _searcherFactory;
    private readonly NewsSearcherOptions _options;
    private readonly ResultCacheCounters _cacheCounters = new();
    private readonly ConcurrentDictionary<string, AlternativeRanking> _alternatives = new(StringComparer.Ordinal);
    private readonly System.Threading.Lock _refreshLock = new();
    private readonly Timer? _timer;
    private volatile SearcherGeneration? _current;
    private volatile IndexStatus _status;
    private volatile bool _disposed;
    private string? _rejected;

    /// <summary>Opens the index at <see cref="NewsSearcherOptions.IndexPath"/> if there is one, and starts following it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="NewsSearcherOptions.ResultCacheEntries"/> is negative.</exception>
    public NewsSearcher(NewsSearcherOptions options)
    {
        if (options.ResultCacheEntries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ResultCacheEntries, "ResultCacheEntries must be 0 (no result cache) or more.");
        }

        _options = options;
        _layout = new IndexLayout(options.IndexPath);
        var weights = options.Weights ?? RankingWeights.Default;
        _variants = options.VariantsPath is { } variants ? NameVariants.Load(variants) : NameVariants.None;
        _parser = new NewsQueryParser(weights, _variants);

        // The ranking configuration names the analysis profile; an index built with another one is refused (#3).
        _analyzer = NewsAnalyzerFactory.Create(weights.Profile);
        _suggestions = new SuggestionService(_analyzer);
        _executor = new SearchExecutor(_parser, _analyzer, _suggestions, options.QueryTimeBudget, options.BudgetClock, options.WaitForSpellingModel);
        _searcherFactory = new CachingSearcherFactory(new Ranking.NewsSimilarity(weights), options.ResultCacheEntries, _cacheCounters);
        _status = MissingStatus();
        Refresh();

        var interval = options.RefreshInterval ?? NewsSearcherOptions.DefaultRefreshInterval;
        if (interval != Timeout.InfiniteTimeSpan)
        {
            _timer = new Timer(_ => OnTimer(), null, interval, interval);
        }
    }

    /// <summary>The index root (full path).</summary>
    public string IndexPath => _layout.Root;

    /// <summary>What is being served right now.</summary>
    public IndexStatus Status => _status;

    /// <summary>The parser searches use (for tools that show or explain queries).</summary>
    public NewsQueryParser Parser => _parser;

    /// <summary>The spelling groups searches widen names with (#18; read again when the file changes).</summary>
    public NameVariants Variants => _variants;

    /// <summary>Picks up new commits, a switched generation or an index that appeared; the timer calls it, tests and tools may too.</summary>
    public void Refresh()
    {
        lock (_refreshLock)
        {
            RefreshCore();
        }
    }

    /// <summary>Borrows the current searcher; throws <see cref="IndexUnavailableException"/> when no usable index is open.</summary>
    public SearcherLease Acquire()
    {
        // A generation retired between reading _current and leasing it refuses the lease; the next read sees its successor.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var generation = _current ?? throw new IndexUnavailableException(_status);
            if (generation.TryLease() is { } lease)
            {
                return lease;
            }

            Thread.Yield();
        }

        throw new IndexUnavailableException(_status);
    }

    /// <summary>Runs a search: one page of hits, the exact total and facet counts over all matches.</summary>
    /// <exception cref="ArgumentException">The request breaks <see cref="SearchLimits"/> (hosts validate first).</exception>
    /// <exception cref="QuerySyntaxException">The query text is over the limits.</exception>
    /// <exception cref="IndexUnavailableException">No usable index is open.</exception>
    public SearchPage Search(SearchRequest request)
    {
        var errors = SearchRequestBinder.Validate(request);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.Values.SelectMany(v => v)), nameof(request));
        }

        var started = Stopwatch.GetTimestamp();
        var parsed = _parser.Parse(request.Query);
        using var lease = Acquire();

        // Filters, facets, sort, recency, did-you-mean and highlighting (#4): see SearchExecutor.
        return Answer(lease, _parser.Weights, request, started, () => _executor.Execute(request, parsed, lease.Searcher, started));
    }

    /// <summary>
    /// Runs a search ranked by another configuration on the served index: the same lease and reader, with that
    /// configuration's parser and similarity (built once per configuration name and kept). The analysts' workbench (#5)
    /// compares configurations this way without opening the index twice.
    /// </summary>
    /// <exception cref="Ranking.RankingProfileMismatchException">The configuration needs an index of another analysis profile.</exception>
    /// <exception cref="ArgumentException">The request breaks <see cref="SearchLimits"/>.</exception>
    /// <exception cref="QuerySyntaxException">The query text is over the limits.</exception>
    /// <exception cref="IndexUnavailableException">No usable index is open.</exception>
    public SearchPage Search(SearchRequest request, RankingWeights ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        if (ReferenceEquals(ranking, _parser.Weights))
        {
            return Search(request);
        }

        var served = _parser.Weights.Profile;
        if (ranking.Profile != served)
        {
            throw new Ranking.RankingProfileMismatchException(ranking.Name, ranking.Profile.Name, served.Name);
        }

        var errors = SearchRequestBinder.Validate(request);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.Values.SelectMany(v => v)), nameof(request));
        }

        // A configuration edited under the same name replaces the kept one.
        var alternative = _alternatives.AddOrUpdate(
            ranking.Name,
            (_, weights) => CreateAlternative(weights),
            (_, kept, weights) => ReferenceEquals(kept.Weights, weights) ? kept : CreateAlternative(weights),
            ranking);
        var started = Stopwatch.GetTimestamp();
        var parsed = alternative.Parser.Parse(request.Query);
        using var lease = Acquire();
        return Answer(lease, alternative.Weights, request, started, () =>
            alternative.Executor.Execute(request, parsed, new IndexSearcher(lease.Searcher.IndexReader) { Similarity = alternative.Similarity }, started));
    }

    /// <summary>The result cache's capacity, what it holds for the reader being served, and its hits, misses and evictions so far.</summary>
    public ResultCacheStatistics GetResultCacheStatistics()
    {
        var entries = 0;
        try
        {
            using var lease = Acquire();
            entries = (lease.Searcher as ResultCachingSearcher)?.Results?.Count ?? 0;
        }
        catch (IndexUnavailableException)
        {
            // Nothing served, nothing held.
        }

        return _cacheCounters.Snapshot(_options.ResultCacheEntries, entries);
    }

    /// <summary>Starts building the suggestion dictionary of the served index in the background (hosts call it at start-up); returns at once.</summary>
    /// <exception cref="IndexUnavailableException">No usable index is open.</exception>
    public void PrepareSuggestions()
    {
        using var lease = Acquire();
        _suggestions.Prepare(lease.Searcher.IndexReader);
    }

    /// <summary>
    /// Waits until the suggestion dictionary and the spelling model of the served index are built (#18): for hosts that
    /// do not let searches wait (<see cref="NewsSearcherOptions.WaitForSpellingModel"/>) and want them now, as tests do.
    /// False when <paramref name="timeout"/> passes first.
    /// </summary>
    /// <exception cref="IndexUnavailableException">No usable index is open.</exception>
    public bool WaitForSpellingModel(TimeSpan timeout)
    {
        using var lease = Acquire();
        var reader = lease.Searcher.IndexReader;
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!_suggestions.IsBuilt(reader))
        {
            _suggestions.Prepare(reader);
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            Thread.Sleep(10);
        }

        return true;
    }

    /// <summary>The spelling model of the served index (built first if it is not yet): its size and build time (#18).</summary>
    /// <exception cref="IndexUnavailableException">No usable index is open.</exception>
    public Spelling.SpellingModelStatistics? GetSpellingStatistics()
    {
        using var lease = Acquire();
        return _suggestions.Model(lease.Searcher.IndexReader) is { } model
            ? new Spelling.SpellingModelStatistics(model.WordCount, model.PairCount, model.Bytes, model.BuildTime)
            : null;
    }

    /// <summary>Completions of a partial query (words, headline phrases, headlines) from the dictionary of the served index.</summary>
    /// <exception cref="IndexUnavailableException">No usable index is open.</exception>
    public SuggestionList Suggest(string? text, int size = 8)
    {
        text ??= string.Empty;
        if (text.Length > SearchLimits.MaxSuggestQueryLength || size is < 1 or > SearchLimits.MaxSuggestions)
        {
            throw new ArgumentException(
                $"text must be at most {SearchLimits.MaxSuggestQueryLength} characters and size between 1 and {SearchLimits.MaxSuggestions}.");
        }

        using var lease = Acquire();
        return new SuggestionList(text, _suggestions.Get(lease.Searcher.IndexReader).Suggest(text, size));
    }

    /// <summary>The stored article with <paramref name="id"/>, or null.</summary>
    /// <exception cref="IndexUnavailableException">No usable index is open.</exception>
    public NewsArticle? GetDocument(string id)
    {
        using var lease = Acquire();
        var docs = lease.Searcher.Search(new TermQuery(NewsDocumentMapper.IdTerm(id)), 1);
        return docs.TotalHits == 0 ? null : HitMapper.ToArticle(lease.Searcher.Doc(docs.ScoreDocs[0].Doc));
    }

    /// <summary>Counts, sizes and versions of the open index.</summary>
    /// <exception cref="IndexUnavailableException">No usable index is open.</exception>
    public IndexStatistics GetStatistics()
    {
        using var lease = Acquire();
        var reader = (DirectoryReader)lease.Searcher.IndexReader;
        var facets = new FacetCollector(FacetFields);
        lease.Searcher.Search(new MatchAllDocsQuery(), facets);
        var commit = reader.IndexCommit;
        var segmentsFile = new FileInfo(Path.Combine(lease.Generation, commit.SegmentsFileName));
        return new IndexStatistics(
            reader.NumDocs,
            reader.NumDeletedDocs,
            facets.Result(NewsFields.Category),
            facets.Result(NewsFields.Source),
            FolderSize(lease.Generation),
            IndexSchema.ReadVersion(commit),
            lease.Generation,
            segmentsFile.Exists ? new DateTimeOffset(segmentsFile.LastWriteTimeUtc, TimeSpan.Zero) : null,
            reader.Leaves.Count);
    }

    /// <summary>Stops following the index and closes it once in-flight searches finish.</summary>
    public void Dispose()
    {
        lock (_refreshLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
            RetireCurrent();
        }
    }

    private void OnTimer()
    {
        // Skip a tick rather than queue behind a slow refresh.
        if (!_refreshLock.TryEnter())
        {
            return;
        }

        try
        {
            RefreshCore();
        }
        finally
        {
            _refreshLock.Exit();
        }
    }

    private void RefreshCore()
    {
        if (_disposed)
        {
            return;
        }

        _variants.Refresh();

        string? path;
        try
        {
            path = _layout.TryGetCurrent();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            KeepServingOr(IndexState.Failed, e.Message);
            return;
        }

        if (path is null)
        {
            RetireCurrent();
            _status = MissingStatus();
            return;
        }

        var current = _current;
        if (current is not null && string.Equals(current.Path, path, StringComparison.Ordinal))
        {
            RefreshGeneration(current);
        }
        else
        {
            OpenGeneration(path);
        }
    }

    private void RefreshGeneration(SearcherGeneration current)
    {
        try
        {
            if (!current.Manager.MaybeRefresh())
            {
                return;
            }

            var (version, problem, documents) = Inspect(current.Manager, current.Path);
            if (problem is not null)
            {
                RetireCurrent();
                _status = new IndexStatus(IndexState.SchemaMismatch, problem, null, version, 0);
                return;
            }

            _status = ReadyStatus(current.Path, version, documents);
        }
        catch (IOException)
        {
            // Files may vanish under a refresh racing a reindex cleanup: keep the searcher we have, retry next tick.
        }
    }

    private void OpenGeneration(string path)
    {
        var fingerprint = Fingerprint(path);
        if (fingerprint is not null && fingerprint == _rejected)
        {
            return;
        }

        FSDirectory? directory = null;
        SearcherManager? manager = null;
        try
        {
            // Our own memory map (#6, Search.Core.Storage.MappedDirectory): reads are pointer loads and clones are cheap.
            // Lucene.Net's MMapDirectory clones were costly and finalizable, and NIOFSDirectory's locked seek-read-seek
            // per 1 KiB was two thirds of a search's sampled CPU. `bench-searchbox` back to back on the full corpus,
            // NIOFS -> mapped: /search mean 4.40-5.10 -> 2.78-3.27 ms, query alone 1.91-2.09 -> 1.16-1.36 ms.
            directory = new MappedDirectory(new DirectoryInfo(path));
            if (!DirectoryReader.IndexExists(directory))
            {
                directory.Dispose();
                KeepServingOr(IndexState.Missing, $"The index generation {path} has no commit yet.");
                return;
            }

            manager = new SearcherManager(directory, _searcherFactory);
            var (version, problem, documents) = Inspect(manager, path);
            if (problem is not null)
            {
                manager.Dispose();
                directory.Dispose();
                RetireCurrent();
                _rejected = fingerprint;
                _status = new IndexStatus(IndexState.SchemaMismatch, problem, null, version, 0);
                return;
            }

            var previous = _current;
            _current = new SearcherGeneration(path, directory, manager);
            _status = ReadyStatus(path, version, documents);
            _rejected = null;
            previous?.Retire();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            manager?.Dispose();
            directory?.Dispose();
            KeepServingOr(IndexState.Failed, $"The index generation {path} could not be opened: {e.Message}");
        }
    }

    private (int? Version, string? Problem, int Documents) Inspect(SearcherManager manager, string path)
    {
        var searcher = manager.Acquire();
        try
        {
            var reader = (DirectoryReader)searcher.IndexReader;
            var commit = reader.IndexCommit;
            return (IndexSchema.ReadVersion(commit), IndexSchema.CheckFor(commit, path, _parser.Weights.Profile), reader.NumDocs);
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    private void RetireCurrent()
    {
        var previous = _current;
        _current = null;
        previous?.Retire();
    }

    // A failed refresh leaves a working index in service; the status only changes when nothing is served.
    private void KeepServingOr(IndexState state, string message)
    {
        if (_current is null)
        {
            _status = new IndexStatus(state, message, null, null, 0);
        }
    }

    private IndexStatus MissingStatus() => new(
        IndexState.Missing,
        $"No index at {_layout.Root}. Build one with: search index <corpus>...",
        null,
        null,
        0);

    private static IndexStatus ReadyStatus(string path, int? version, int documents) => new(
        IndexState.Ready,
        $"Serving {path}: {documents} documents, schema version {version}.",
        path,
        version,
        documents);

    // The generation and its newest segments_N: a rejected index is only re-examined once it has a new commit.
    private static string? Fingerprint(string path)
    {
        try
        {
            var newest = System.IO.Directory.EnumerateFiles(path, IndexFileNames.SEGMENTS + "_*")
                .Select(Path.GetFileName)
                .OrderByDescending(name => name!.Length)
                .ThenByDescending(name => name, StringComparer.Ordinal)
                .FirstOrDefault();
            return newest is null ? null : path + "|" + newest;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long FolderSize(string path)
    {
        long total = 0;
        foreach (var file in new DirectoryInfo(path).EnumerateFiles())
        {
            try
            {
                total += file.Length;
            }
            catch (FileNotFoundException)
            {
                // Merged away while we were counting.
            }
        }

        return total;
    }

    // The page of the lease's reader for this request, from its cache when it holds one; else searched and kept there.
    // Parsing ran before (a query over the limits fails whether or not a page is cached); searching is what is saved.
    private SearchPage Answer(SearcherLease lease, RankingWeights ranking, SearchRequest request, long started, Func<SearchPage> search)
    {
        if ((lease.Searcher as ResultCachingSearcher)?.Results is not { } cache)
        {
            return search();
        }

        var key = SearchResultKey.For(ranking, request, _variants.Version);
        if (cache.TryGet(key, out var kept))
        {
            return kept with { TookMs = SearchExecutor.ElapsedMs(started), Cached = true, Timings = SearchTimings.None };
        }

        var page = search();

        // A page cut short by the time budget (#7), or corrected with a stand-in while this reader's suggestion dictionary
        // and language model are built (#18, the previous reader's), is an answer for this moment, not for the reader's lifetime.
        if (!page.TimedOut && !page.Provisional)
        {
            cache.Add(key, page);
        }

        return page;
    }

    private AlternativeRanking CreateAlternative(RankingWeights weights)
    {
        var parser = new NewsQueryParser(weights, _variants);
        var executor = new SearchExecutor(parser, _analyzer, _suggestions, _options.QueryTimeBudget, _options.BudgetClock, _options.WaitForSpellingModel);
        return new AlternativeRanking(weights, parser, new Ranking.NewsSimilarity(weights), executor);
    }

    private sealed record AlternativeRanking(RankingWeights Weights, NewsQueryParser Parser, Similarity Similarity, SearchExecutor Executor);

    // One searcher per reader the manager opens, with BM25 (our similarity) and, unless it is off, a result cache of its own.
    private sealed class CachingSearcherFactory(Similarity similarity, int cacheEntries, ResultCacheCounters counters) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            // Built here, on the refresh, so no search waits for the story clusters of a new reader (#21).
            Collapsing.StoryClusters.For(reader);
            return new ResultCachingSearcher(reader, similarity, cacheEntries > 0 ? new SearchResultCache(cacheEntries, counters) : null);
        }
    }
}
