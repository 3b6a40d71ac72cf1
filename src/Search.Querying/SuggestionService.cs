using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Querying.Spelling;

namespace Search.Querying;

/// <summary>Keeps the <see cref="SuggestionDictionary"/> of the reader being served, rebuilding it in the background after a refresh.</summary>
/// <remarks>
/// A dictionary is built once per index reader (each commit the searcher picks up, each reindexed generation), never
/// per request. The first request on a new reader starts the build (holding a reference on the reader until it ends)
/// and, while it runs, requests are answered from the previous dictionary: suggestions may lag a commit by the build
/// time. Only the very first build, with nothing to fall back on, is waited for.
/// The spelling corrector's <see cref="LanguageModel"/> (#18) is built in the same background work, right after the
/// dictionary, on the same reference to the reader; searches take the newest one ready, and may wait for the first
/// (<see cref="NewsSearcherOptions.WaitForSpellingModel"/>).
/// </remarks>
internal sealed class SuggestionService(Analyzer analyzer)
{
    private readonly System.Threading.Lock _lock = new();
    private Building? _latest;
    private volatile SuggestionDictionary? _ready;
    private volatile LanguageModel? _readyModel;

    /// <summary>The dictionary for <paramref name="reader"/>, or the previous one while it is being built.</summary>
    public SuggestionDictionary Get(IndexReader reader)
    {
        var latest = Start(reader);
        if (latest.Task.IsCompletedSuccessfully)
        {
            return latest.Task.Result;
        }

        return _ready ?? latest.Task.GetAwaiter().GetResult();
    }

    /// <summary>Starts building the dictionary of <paramref name="reader"/> in the background if it is not built or building; returns at once.</summary>
    public void Prepare(IndexReader reader) => Start(reader);

    /// <summary>
    /// True when the dictionary and the language model of <paramref name="reader"/> are built, so corrections on it are
    /// those of its own words and take their display spellings from it.
    /// </summary>
    public bool IsBuilt(IndexReader reader) =>
        Volatile.Read(ref _latest) is { } latest && ReferenceEquals(latest.Reader, reader)
        && latest.Task.IsCompletedSuccessfully && latest.Model.IsCompletedSuccessfully;

    /// <summary>
    /// The language model of <paramref name="reader"/> when built, else the newest one built; with nothing to fall back
    /// on, the very first build is waited for when <paramref name="wait"/> (as suggestions wait for the first dictionary),
    /// else null. Null too when that build failed.
    /// </summary>
    public LanguageModel? Model(IndexReader reader, bool wait = true)
    {
        var latest = Start(reader);
        if (latest.Model.IsCompletedSuccessfully)
        {
            return latest.Model.Result;
        }

        if (_readyModel is { } previous || !wait)
        {
            return _readyModel;
        }

        try
        {
            return latest.Model.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Display spellings for corrections, never waiting for a build: from the newest ready dictionary, else from the first
    /// headline holding the term (one postings lookup and one headline analyzed); null when neither knows the term.
    /// </summary>
    /// <remarks>Call it while holding the lease <paramref name="reader"/> came from.</remarks>
    public Func<string, string?> SurfaceLookup(IndexReader reader)
    {
        Start(reader);
        var ready = _ready;
        return term => ready?.Surface(term) ?? HeadlineSpelling(reader, term);
    }

    private string? HeadlineSpelling(IndexReader reader, string term)
    {
        var docs = MultiFields.GetTermDocsEnum(reader, MultiFields.GetLiveDocs(reader), NewsFields.TitleExact, new BytesRef(term));
        var titles = MultiDocValues.GetBinaryValues(reader, NewsFields.TitleValue);
        if (docs is null || titles is null || docs.NextDoc() == DocIdSetIterator.NO_MORE_DOCS)
        {
            return null;
        }

        var bytes = new BytesRef();
        titles.Get(docs.DocID, bytes);
        var title = bytes.Utf8ToString();
        return TokenInspector.Analyze(analyzer, NewsFields.TitleExact, title)
            .Where(token => token.Term == term)
            .Select(token => SuggestionDictionary.Clean(title, token.StartOffset, token.EndOffset))
            .FirstOrDefault();
    }

    private Building Start(IndexReader reader)
    {
        var latest = Volatile.Read(ref _latest);
        if (latest is not null && ReferenceEquals(latest.Reader, reader) && !latest.Task.IsFaulted && !latest.Model.IsFaulted)
        {
            return latest;
        }

        lock (_lock)
        {
            latest = _latest;
            if (latest is not null && ReferenceEquals(latest.Reader, reader) && !latest.Task.IsFaulted && !latest.Model.IsFaulted)
            {
                return latest;
            }

            // The lease that handed us the reader is still held: taking a reference now is safe, and keeps the reader
            // open for the build even after the lease is returned and the searcher refreshed again.
            reader.IncRef();
            var task = Task.Run(() =>
            {
                var dictionary = SuggestionDictionary.Build(reader, analyzer);
                // A slower build of an older reader must not replace a newer dictionary.
                if (_ready is null || ReferenceEquals(Volatile.Read(ref _latest)?.Reader, reader))
                {
                    _ready = dictionary;
                }

                return dictionary;
            });

            // The language model after the dictionary (suggestions first), whether or not that succeeded.
            var model = task.ContinueWith(
                _ =>
                {
                    try
                    {
                        var built = LanguageModelBuilder.Build(reader, SpellingAnalysis.Words);
                        if (_readyModel is null || ReferenceEquals(Volatile.Read(ref _latest)?.Reader, reader))
                        {
                            _readyModel = built;
                        }

                        return built;
                    }
                    finally
                    {
                        reader.DecRef();
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
            latest = new Building(reader, task, model);
            Volatile.Write(ref _latest, latest);
            return latest;
        }
    }

    private sealed record Building(IndexReader Reader, Task<SuggestionDictionary> Task, Task<LanguageModel> Model);
}
