namespace Search.Indexing;

/// <summary>A snapshot of a running indexing job, for a progress display.</summary>
/// <param name="Documents">Good records read so far and handed to the index writer.</param>
/// <param name="BytesRead">Bytes of the input files consumed so far (compressed bytes for gzip).</param>
/// <param name="TotalBytes">Total size of the input files on disk: <paramref name="BytesRead"/> reaches it at the end.</param>
/// <param name="Elapsed">Time since the run started.</param>
public sealed record IndexingProgress(long Documents, long BytesRead, long TotalBytes, TimeSpan Elapsed);
