using Search.Indexing.Corpus;

namespace Search.Indexing;

/// <summary>How an indexing run treats bad input, how much memory it buffers, and whom it tells as it goes.</summary>
public sealed class IndexingOptions
{
    /// <summary>The default body limit: 200,000 characters (UTF-16 code units), about 100 printed pages.</summary>
    /// <remarks>
    /// Far above any real article (the ANT corpus's longest body is about 21,000 characters), yet low enough that a
    /// mis-split file (a whole dump on one line) is reported instead of becoming one huge document that matches every
    /// query.
    /// </remarks>
    public const int DefaultMaxBodyChars = 200_000;

    /// <summary>The default indexing RAM buffer, in MB, shared by the indexing threads before segments are flushed.</summary>
    /// <remarks>
    /// #6, sixth round: with 128 MB a full reindex of the news corpus (41,661 articles) flushed four segments, with 256 MB
    /// two (one per writer thread), in the same time and peak memory (19.1–19.4 against 18.5–19.1 s, 349–395 against
    /// 397–402 MB resident, alternated). Every search pays per term and segment: two segments instead of four cut what a
    /// search allocates from 1.52 to 0.94 MB and raised HTTP <c>/search</c> by about a sixth.
    /// </remarks>
    public const double DefaultRamBufferMB = 256;

    /// <summary>The default of <see cref="CommitInterval"/>.</summary>
    public static readonly TimeSpan DefaultCommitInterval = TimeSpan.FromSeconds(60);

    /// <summary>Stop reading once more than this many records were rejected; -1 (the default) means never stop.</summary>
    /// <remarks>0 stops at the first bad record. The good records read before the stop are still committed.</remarks>
    public int MaxErrors { get; init; } = -1;

    /// <summary>
    /// The longest body accepted, in characters (UTF-16 code units), after trimming and, for scraped pages, after the
    /// boilerplate tail is removed; default <see cref="DefaultMaxBodyChars"/> (200,000). Longer records are rejected
    /// with <c>body is N characters; the limit is M</c>.
    /// </summary>
    public int MaxBodyChars { get; init; } = DefaultMaxBodyChars;

    /// <summary>Lucene's RAM buffer in MB (default <see cref="DefaultRamBufferMB"/>, 256): larger means fewer, larger flushed segments.</summary>
    public double RamBufferMB { get; init; } = DefaultRamBufferMB;

    /// <summary>
    /// The analysis profile to build with; null for the live index's own profile (<c>index</c>) or the default
    /// (<c>reindex</c>, a new index). Indexing into an index of another profile is refused.
    /// </summary>
    public Search.Core.Analysis.AnalysisProfile? Analysis { get; init; }

    /// <summary>
    /// How often <c>index</c> commits while it runs (default 60 s; zero or less: only at the end). A crash or kill
    /// loses at most what was read since the last commit, and running the same input again completes the index
    /// without duplicates (upsert by id). <c>reindex</c> commits once: its new index is published only whole.
    /// </summary>
    public TimeSpan CommitInterval { get; init; } = DefaultCommitInterval;

    /// <summary>
    /// Merge the index down to one segment before the final commit (default off). A search then seeks each term once
    /// instead of once per segment: about a fifth less time for the query itself on the full news corpus (#6), for about
    /// a third more indexing time. For archives rebuilt with <c>reindex</c> and then only read; an index that keeps
    /// growing by <c>index</c> runs gets new segments again with each run.
    /// </summary>
    public bool MergeToOneSegment { get; init; }

    /// <summary>Called for each rejected record, in file order, on the thread that called the indexing method.</summary>
    public Action<CorpusLineError>? OnError { get; init; }

    /// <summary>Told about progress a few times a second, and once at the end of reading.</summary>
    public IProgress<IndexingProgress>? Progress { get; init; }
}
