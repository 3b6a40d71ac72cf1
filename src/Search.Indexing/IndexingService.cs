using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Core.Storage;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Indexing;

/// <summary>The write side of the service: index (upsert), reindex (rebuild and switch) and delete, on an <see cref="IndexLayout"/>.</summary>
/// <remarks>
/// Every commit carries <see cref="IndexSchema.CommitData"/>, and nothing is written into an index of another schema
/// version (<see cref="IndexSchemaMismatchException"/>). Lucene's own exceptions for a locked or unreadable index
/// (<see cref="LockObtainFailedException"/>, <see cref="IOException"/>) propagate: they are index I/O failures, not bad input.
/// </remarks>
public sealed class IndexingService
{
    /// <summary>
    /// Upserts the records of <paramref name="files"/> into the live generation (creating generation 1 when the root
    /// has none), by id, committing every <see cref="IndexingOptions.CommitInterval"/> and at the end.
    /// </summary>
    /// <remarks>
    /// Indexing the same input twice leaves the same documents (the second run reports them as replaced). When the
    /// errors exceed <see cref="IndexingOptions.MaxErrors"/> or <paramref name="cancellationToken"/> fires, reading
    /// stops and the good records read so far are committed. An exception rolls back everything this run wrote.
    /// </remarks>
    public IndexingReport Index(
        IndexLayout layout, IReadOnlyList<string> files, IndexingOptions options, CancellationToken cancellationToken)
    {
        Validate(layout, files, options);
        var clock = Stopwatch.StartNew();

        // A new index starts as an empty commit made live at once, so the periodic commits of this run are the
        // live index as they land, and a crash leaves a valid index that the same command completes.
        var live = layout.TryGetCurrent() ?? CreateEmpty(layout, options.Analysis ?? AnalysisProfile.Default);
        BuildResult result;
        using (var directory = FSDirectory.Open(live))
        using (var start = OpenChecked(directory, layout))
        {
            var existing = start is null ? null : new IdLookup(start);
            var profile = ProfileFor(start, options, layout);
            result = IndexBuilder.Build(directory, OpenMode.CREATE_OR_APPEND, existing, files, options, profile,
                commitIncomplete: true, clock, cancellationToken);
        }

        return Report(result, live, published: true, clock);
    }

    private static string CreateEmpty(IndexLayout layout, AnalysisProfile profile)
    {
        var generation = layout.CreateGeneration();
        using (var directory = FSDirectory.Open(generation))
        {
            IndexBuilder.CommitEmpty(directory, profile);
        }

        layout.Switch(generation);
        return generation;
    }

    /// <summary>
    /// Builds a complete new generation from <paramref name="files"/>, switches <c>CURRENT</c> to it atomically, then
    /// deletes the older generations (best effort: a reader may still hold them open).
    /// </summary>
    /// <remarks>
    /// The switch happens only when every file was read, the run was not stopped at
    /// <see cref="IndexingOptions.MaxErrors"/> nor cancelled, and at least one good record was read (a reindex that
    /// finds nothing is a mistyped path, not a wish for an empty index). Otherwise, or on an exception, the new
    /// generation is deleted and the live index is left untouched (<see cref="IndexingReport.Published"/> is false).
    /// </remarks>
    public IndexingReport Reindex(
        IndexLayout layout, IReadOnlyList<string> files, IndexingOptions options, CancellationToken cancellationToken)
    {
        Validate(layout, files, options);
        var clock = Stopwatch.StartNew();
        var generation = layout.CreateGeneration();
        var switched = false;
        BuildResult result;
        try
        {
            using (var directory = FSDirectory.Open(generation))
            {
                result = IndexBuilder.Build(directory, OpenMode.CREATE, existing: null, files, options,
                    options.Analysis ?? AnalysisProfile.Default, commitIncomplete: false, clock, cancellationToken);
            }

            if (result.ReadAll && result.Good > 0)
            {
                layout.Switch(generation);
                switched = true;
            }
        }
        finally
        {
            if (!switched)
            {
                TryDelete(generation);
            }
        }

        if (switched)
        {
            foreach (var old in layout.ListGenerations())
            {
                if (!string.Equals(old, generation, StringComparison.Ordinal))
                {
                    TryDelete(old);
                }
            }
        }

        return Report(result, generation, switched, clock);
    }

    /// <summary>Deletes the documents with the given ids from the live generation and commits.</summary>
    /// <exception cref="IndexMissingException">The root holds no index.</exception>
    /// <exception cref="IndexSchemaMismatchException">The index is of another schema version.</exception>
    public DeleteReport Delete(IndexLayout layout, IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(ids);
        var live = layout.TryGetCurrent() ?? throw new IndexMissingException(layout.Root);
        using var directory = FSDirectory.Open(live);
        var deleted = new List<string>();
        var absent = new List<string>();
        AnalysisProfile profile;
        using (var reader = OpenChecked(directory, layout) ?? throw new IndexMissingException(layout.Root))
        {
            profile = ProfileFor(reader, new IndexingOptions(), layout);
            var lookup = new IdLookup(reader);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                if (seen.Add(id))
                {
                    (lookup.Contains(id) ? deleted : absent).Add(id);
                }
            }
        }

        if (deleted.Count > 0)
        {
            using var analyzer = NewsAnalyzerFactory.Create(profile);
            var config = new IndexWriterConfig(IndexVersion.Lucene, analyzer) { OpenMode = OpenMode.APPEND, Codec = NewsCodec.Instance };
            var writer = new IndexWriter(directory, config);
            var committed = false;
            try
            {
                writer.DeleteDocuments([.. deleted.Select(NewsDocumentMapper.IdTerm)]);
                writer.SetCommitData(IndexSchema.CommitDataFor(profile));
                writer.Commit();
                committed = true;
            }
            finally
            {
                if (committed)
                {
                    writer.Dispose();
                }
                else
                {
                    writer.Rollback();
                }
            }
        }

        return new DeleteReport(deleted, absent, live);
    }

    // The profile to write with: the index's own (an upsert must analyze like the documents already there), refusing
    // an explicit request for another one; the requested or default profile for a new index.
    private static AnalysisProfile ProfileFor(DirectoryReader? reader, IndexingOptions options, IndexLayout layout)
    {
        if (reader is null)
        {
            return options.Analysis ?? AnalysisProfile.Default;
        }

        var found = IndexSchema.ReadProfile(reader.IndexCommit)
            ?? throw new IndexSchemaMismatchException($"The index at {layout.Root} names an unknown analysis profile. Rebuild it with: search reindex <corpus>...");
        if (options.Analysis is { } wanted && wanted != found)
        {
            throw new IndexSchemaMismatchException(
                $"The index at {layout.Root} was analyzed with the \"{found.Name}\" profile, not \"{wanted.Name}\". "
                + "Rebuild it for that configuration with: search reindex <corpus>... --config <the configuration>");
        }

        return found;
    }

    // A reader on the last commit, or null when the folder holds no index yet; refuses another schema version.
    private static DirectoryReader? OpenChecked(LuceneDirectory directory, IndexLayout layout)
    {
        if (!DirectoryReader.IndexExists(directory))
        {
            return null;
        }

        var reader = DirectoryReader.Open(directory);
        var problem = IndexSchema.Check(reader.IndexCommit, layout.Root);
        if (problem is not null)
        {
            reader.Dispose();
            throw new IndexSchemaMismatchException(problem);
        }

        return reader;
    }

    private static IndexingReport Report(BuildResult result, string generation, bool published, Stopwatch clock) => new()
    {
        Read = result.Read,
        Indexed = result.Indexed,
        Replaced = result.Replaced,
        Skipped = result.Skipped,
        StoppedAtMaxErrors = result.StoppedAtMaxErrors,
        Cancelled = result.Cancelled,
        Published = published,
        Elapsed = clock.Elapsed,
        IndexPath = generation,
    };

    private static void Validate(IndexLayout layout, IReadOnlyList<string> files, IndexingOptions options)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBodyChars);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxErrors, -1);
        if (!(options.RamBufferMB > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RamBufferMB, "RamBufferMB must be positive.");
        }
    }

    // Best effort: on Linux a folder a reader still holds open is deleted all the same; elsewhere it may stay behind
    // until the next reindex removes it.
    private static void TryDelete(string generation)
    {
        try
        {
            System.IO.Directory.Delete(generation, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next reindex, which deletes every generation but the live one.
        }
    }
}
