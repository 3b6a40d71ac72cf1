using Lucene.Net.Index;
using Search.Core.Storage;

namespace Search.Querying;

/// <summary>
/// Reads <see cref="ServedIndex"/> figures of what a <see cref="NewsSearcher"/> serves, cheaply enough for every metrics
/// scrape: a lease, the reader's counts, and one file read per commit.
/// </summary>
/// <remarks>
/// <see cref="NewsSearcher.GetStatistics"/> counts facets over every document and sizes the folder; monitoring polls
/// far more often than that should run. The figures are kept per reader (generation and reader version), so the segments
/// file is looked at again only after a commit or a reindex. Thread-safe.
/// </remarks>
public sealed class ServedIndexProbe(NewsSearcher searcher)
{
    private volatile Kept? _kept;

    /// <summary>The served index's figures, or null when no usable index is open (or the searcher is closed).</summary>
    public ServedIndex? TryRead()
    {
        try
        {
            using var lease = searcher.Acquire();
            var reader = (DirectoryReader)lease.Searcher.IndexReader;
            var kept = _kept;
            if (kept is not null && kept.Version == reader.Version
                && string.Equals(kept.Figures.Generation, lease.Generation, StringComparison.Ordinal))
            {
                return kept.Figures;
            }

            var segments = new FileInfo(Path.Combine(lease.Generation, reader.IndexCommit.SegmentsFileName));
            var figures = new ServedIndex(
                lease.Generation,
                IndexLayout.GenerationNumber(lease.Generation),
                reader.NumDocs,
                reader.Leaves.Count,
                segments.Exists ? new DateTimeOffset(segments.LastWriteTimeUtc, TimeSpan.Zero) : null);

            // Two scrapes racing here may store each other's reader: the next read checks the version and rereads.
            _kept = new Kept(reader.Version, figures);
            return figures;
        }
        catch (Exception e) when (e is IndexUnavailableException or ObjectDisposedException or IOException)
        {
            return null;
        }
    }

    private sealed record Kept(long Version, ServedIndex Figures);
}
