namespace Search.Indexing.Corpus;

/// <summary>Reads one corpus file into records and errors, and tells how much of the file it has consumed.</summary>
/// <remarks>Two formats, one loop: the indexer reads JSON Lines and scraped pages through this interface.</remarks>
public interface ICorpusReader
{
    /// <summary>The file, as the user gave it.</summary>
    string Path { get; }

    /// <summary>Bytes of the file on disk consumed so far (compressed bytes for gzip), for a progress bar.</summary>
    /// <remarks>Safe to read from another thread while <see cref="Read"/> runs.</remarks>
    long BytesRead { get; }

    /// <summary>Opens the file and yields every record and error in file order; never throws for bad input.</summary>
    IEnumerable<CorpusItem> Read();
}
