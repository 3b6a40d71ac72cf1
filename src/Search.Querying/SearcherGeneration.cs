using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Search.Querying;

/// <summary>One open generation folder: its directory, its SearcherManager and a count of who still uses them.</summary>
/// <remarks>
/// The count starts at 1 for being live. Leases add one each. Retiring (a newer generation took over, or the
/// searcher is disposed) closes the manager at once, so no new lease can start, and drops the live reference;
/// the readers held by in-flight leases stay open (Lucene ref-counts them) and the directory is disposed when the
/// last lease is released.
/// </remarks>
internal sealed class SearcherGeneration
{
    private int _references = 1;

    public SearcherGeneration(string path, FSDirectory directory, SearcherManager manager)
    {
        Path = path;
        Directory = directory;
        Manager = manager;
    }

    public string Path { get; }

    public FSDirectory Directory { get; }

    public SearcherManager Manager { get; }

    /// <summary>A lease on the current searcher, or null when this generation was retired meanwhile.</summary>
    public SearcherLease? TryLease()
    {
        int references;
        do
        {
            references = Volatile.Read(ref _references);
            if (references <= 0)
            {
                return null;
            }
        }
        while (Interlocked.CompareExchange(ref _references, references + 1, references) != references);

        try
        {
            return new SearcherLease(this, Manager.Acquire());
        }
        catch (ObjectDisposedException)
        {
            Release();
            return null;
        }
    }

    public void Retire()
    {
        Manager.Dispose();
        Release();
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Directory.Dispose();
        }
    }
}
