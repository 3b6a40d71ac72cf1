namespace Search.Querying.Spelling;

/// <summary>
/// How often each normalized word and each pair of adjacent words occurs in the index's headlines and bodies: the
/// language model of the spelling corrector (#18), one per index reader.
/// </summary>
/// <remarks>
/// Words are those of <see cref="Search.Core.Analysis.NewsAnalyzerFactory.WordsKey"/> (normalized, stop words kept, so
/// إلى تونس is a pair); numbers are skipped, so مقتل 20 شخصا counts مقتل شخصا. A headline occurrence counts
/// <see cref="HeadlineWeight"/> times a body occurrence: headlines are what readers search for. Pairs counted fewer than
/// <see cref="MinPairCount"/> times are dropped (most pairs occur once, and a pair seen once says little). Scores are
/// stupid backoff (Brants et al. 2007, the default of Elasticsearch's phrase suggester): a seen pair gives
/// count(pair) / count(first word), an unseen one <see cref="Backoff"/> × the word's share of all words. Only hashes
/// are kept (<see cref="TermHash"/>): about 6 MiB of words and 12 MiB of pairs on the news corpus.
/// </remarks>
internal sealed class LanguageModel
{
    /// <summary>What a headline occurrence counts, a body occurrence counting 1.</summary>
    public const int HeadlineWeight = 5;

    /// <summary>Pairs counted fewer times than this are not kept.</summary>
    public const int MinPairCount = 2;

    /// <summary>The stupid-backoff factor of an unseen pair.</summary>
    public const double Backoff = 0.4;

    // Added to every word's count, so an unseen word scores low rather than impossible.
    private const double Smoothing = 0.1;

    private readonly CountTable _words;
    private readonly WordFilter _candidates;
    private readonly PairCounts _pairs;
    private readonly double _logTotal;

    public LanguageModel(CountTable words, PairCounts pairs, long total, TimeSpan buildTime)
    {
        _words = words;
        _pairs = pairs;
        var candidates = words.Entries().Where(entry => entry.Count >= PhraseCorrector.MinCandidateCount).Select(entry => entry.Key).ToList();
        _candidates = new WordFilter(candidates, candidates.Count);
        Total = Math.Max(1, total);
        _logTotal = Math.Log(Total);
        BuildTime = buildTime;
    }

    /// <summary>Weighted word occurrences counted.</summary>
    public long Total { get; }

    /// <summary>Distinct words.</summary>
    public int WordCount => _words.Count;

    /// <summary>Distinct pairs kept.</summary>
    public int PairCount => _pairs.Count;

    /// <summary>Bytes of the tables.</summary>
    public long Bytes => _words.Bytes + _candidates.Bytes + _pairs.Bytes;

    /// <summary>How long building took.</summary>
    public TimeSpan BuildTime { get; }

    /// <summary>
    /// The weighted count of <paramref name="word"/>, 0 when a small filter of the words counted at least
    /// <see cref="PhraseCorrector.MinCandidateCount"/> times (the spellings the corrector may propose) says it is not one:
    /// most of the corrector's questions are answered there.
    /// </summary>
    public int CandidateCount(ulong word) => _candidates.MayContain(word == 0 ? 1 : word) ? _words[word] : 0; // the table stores 0 as 1

    /// <summary>The weighted count of the word of hash <paramref name="word"/>.</summary>
    public int Count(ulong word) => _words[word];

    /// <summary>The weighted count of the pair (<paramref name="first"/>, <paramref name="second"/>), 0 when unseen or pruned.</summary>
    public int Count(ulong first, ulong second) => _pairs[TermHash.Pair(first, second)];

    /// <summary>Log score of <paramref name="word"/> opening a run of words: its smoothed share of all words.</summary>
    public double LogStart(ulong word) => Math.Log(Count(word) + Smoothing) - _logTotal;

    /// <summary>Log stupid-backoff score of <paramref name="word"/> after <paramref name="previous"/>.</summary>
    public double LogNext(ulong previous, ulong word)
    {
        var pair = Count(previous, word);
        return pair > 0 ? Math.Log(pair) - Math.Log(Math.Max(pair, Count(previous))) : Math.Log(Backoff) + LogStart(word);
    }
}
