using Search.Querying;

namespace Search.Cli.Bench;

/// <summary>Everything one <c>bench</c> run measured (the <c>--json</c> output).</summary>
internal sealed record BenchResults(
    string Corpus, int Scale, int Documents, long InputBytes, int Cores, IndexRun Reference, IndexRun Ours,
    double AnalysisCeiling, LatencyStats InProcess, IReadOnlyList<LoadReport> Http, IReadOnlyList<LoadReport> Suggest,
    long ApiResident)
{
    /// <summary>The garbage collector the run and its child processes had (they inherit the environment).</summary>
    public string GarbageCollector { get; init; } = RuntimeSettings.Describe();

    /// <summary>In process, headline-length queries (whole titles).</summary>
    public LatencyStats? InProcessHeadlines { get; init; }

    /// <summary>The stock reference search (<see cref="StockSearch"/>) of the short queries, on the reference index.</summary>
    public LatencyStats? StockShort { get; init; }

    /// <summary>The stock reference search of the headline-length queries.</summary>
    public LatencyStats? StockHeadlines { get; init; }

    /// <summary>HTTP /search with the headline-length queries, result cache off.</summary>
    public IReadOnlyList<LoadReport> HttpHeadlines { get; init; } = [];

    /// <summary>HTTP /search against a server with the default result cache, targets repeated by a Zipf law.</summary>
    public IReadOnlyList<LoadReport> HttpRepeated { get; init; } = [];

    /// <summary>Resident memory of that server after its load.</summary>
    public long ApiResidentCached { get; init; }

    /// <summary>Distinct query URLs in the workload: the ranks of the Zipf law.</summary>
    public int DistinctQueries { get; init; }

    public double ZipfExponent { get; init; }

    /// <summary>What sent the HTTP load (see <see cref="LoadGenerator"/>); null when there was none.</summary>
    public string? LoadGenerator { get; init; }

    /// <summary>The speed targets (#17) and whether this run met them.</summary>
    public IReadOnlyList<BenchTarget> Targets => BenchTarget.Evaluate(this);
}

/// <summary>
/// One indexing build: documents, time, peak memory, size; tokens are what the postings hold (the inverting work,
/// which grows with the analyzed fields), segments what a search looks each term up in (<see cref="IndexContents"/>).
/// </summary>
internal sealed record IndexRun(
    long Documents, double Seconds, double DocsPerSecond, double MegabytesPerSecond, long PeakResident, long IndexBytes,
    long Tokens, int Segments)
{
    public double TokensPerDocument => Documents > 0 ? (double)Tokens / Documents : 0;

    public double TokensPerSecond => Seconds > 0 ? Tokens / Seconds : 0;
}
