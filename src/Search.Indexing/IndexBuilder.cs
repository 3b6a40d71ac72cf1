using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Core.Storage;
using Search.Indexing.Corpus;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Indexing;

/// <summary>Owns the one <see cref="IndexWriter"/> of a run: reads the files, upserts every good record, commits once.</summary>
/// <remarks>
/// Reading, parsing, mapping and counting happen on the calling thread, so counts, error order and "last record
/// wins" are deterministic; analysis (the expensive part) runs in <see cref="IndexWriter.UpdateDocument(Term, IEnumerable{IIndexableField})"/>
/// on worker threads. Each id always goes to the same worker through its own FIFO queue, so two records with the
/// same id are applied in file order. Records travel in batches of <see cref="BatchSize"/>: handing them over one by
/// one made the reading thread wake, spin and wait once per record: about a fifth of the sampled CPU on two cores (#6).
/// </remarks>
internal static class IndexBuilder
{
    // In batches: up to QueueCapacity * BatchSize documents wait per worker.
    private const int QueueCapacity = 8;
    private const int BatchSize = 32;
    private const int ProgressCheckEvery = 64;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Writer threads: the machine's cores, at most 4 (analysis scales little further with one reader thread).</summary>
    public static int WorkerCount { get; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>
    /// Upserts every good record of <paramref name="files"/> into <paramref name="directory"/>; commits with the
    /// schema's commit data when all input was read or <paramref name="commitIncomplete"/>, otherwise rolls back.
    /// Any exception rolls back everything this run wrote.
    /// </summary>
    public static BuildResult Build(
        LuceneDirectory directory,
        OpenMode mode,
        IdLookup? existing,
        IReadOnlyList<string> files,
        IndexingOptions options,
        AnalysisProfile profile,
        bool commitIncomplete,
        Stopwatch clock,
        CancellationToken cancellationToken)
    {
        using var analyzer = NewsAnalyzerFactory.Create(profile);
        var config = new IndexWriterConfig(IndexVersion.Lucene, analyzer)
        {
            OpenMode = mode,
            Codec = NewsCodec.Instance,
            RAMBufferSizeMB = options.RamBufferMB,

            // #6: a flushed segment is written once, not written and then copied into a compound file (the copy is
            // read, checksummed and written again on the flushing thread, most of it in the final flush). A build makes
            // a handful of segments, so the extra files cost nothing; merged segments follow the merge policy as before.
            UseCompoundFile = false,
        };
        var writer = new IndexWriter(directory, config);
        var committed = false;
        try
        {
            // Periodic commits only where a partial commit is wanted (index); a reindex is published whole or not at all.
            Action? checkpoint = commitIncomplete && options.CommitInterval > TimeSpan.Zero
                ? () =>
                {
                    writer.SetCommitData(IndexSchema.CommitDataFor(profile));
                    writer.Commit();
                }
                : null;
            var result = Feed(writer, existing, files, options, checkpoint, clock, cancellationToken);
            if (result.ReadAll || commitIncomplete)
            {
                if (options.MergeToOneSegment && !cancellationToken.IsCancellationRequested)
                {
                    writer.ForceMerge(1);
                }

                writer.SetCommitData(IndexSchema.CommitDataFor(profile));
                writer.Commit();
                committed = true;
            }

            return result;
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

    /// <summary>Writes an empty commit, with the schema's commit data for <paramref name="profile"/>, into a new index folder.</summary>
    public static void CommitEmpty(LuceneDirectory directory, AnalysisProfile profile)
    {
        using var analyzer = NewsAnalyzerFactory.Create(profile);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(IndexVersion.Lucene, analyzer) { OpenMode = OpenMode.CREATE, Codec = NewsCodec.Instance });
        writer.SetCommitData(IndexSchema.CommitDataFor(profile));
        writer.Commit();
    }

    private static BuildResult Feed(
        IndexWriter writer,
        IdLookup? existing,
        IReadOnlyList<string> files,
        IndexingOptions options,
        Action? checkpoint,
        Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var queues = new BlockingCollection<List<Pending>>[WorkerCount];
        using var failed = new CancellationTokenSource();
        var workers = new Task[queues.Length];
        for (var i = 0; i < queues.Length; i++)
        {
            var queue = queues[i] = new BlockingCollection<List<Pending>>(QueueCapacity);
            workers[i] = Task.Factory.StartNew(() => Consume(writer, queue, failed), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        var producer = new Producer(existing, files, options, queues, checkpoint, failed.Token, clock, cancellationToken);
        try
        {
            producer.Run();
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested)
        {
            // A worker failed; its exception is rethrown below.
        }
        finally
        {
            foreach (var queue in queues)
            {
                queue.CompleteAdding();
            }

            WaitQuietly(workers);
            foreach (var queue in queues)
            {
                queue.Dispose();
            }
        }

        var failure = workers
            .Select(worker => worker.Exception?.InnerException)
            .FirstOrDefault(e => e is not null and not OperationCanceledException);
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return producer.Result();
    }

    private static void Consume(IndexWriter writer, BlockingCollection<List<Pending>> queue, CancellationTokenSource failed)
    {
        var done = false;
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(failed.Token))
            {
                foreach (var pending in batch)
                {
                    // #6: an id in neither the starting commit nor earlier in this run has nothing to replace; adding
                    // it skips the delete-by-term that every update buffers and applies at each flush.
                    if (pending.IsNew)
                    {
                        writer.AddDocument(pending.Document);
                    }
                    else
                    {
                        writer.UpdateDocument(pending.Id, pending.Document);
                    }
                }
            }

            done = true;
        }
        finally
        {
            if (!done)
            {
                failed.Cancel();
            }
        }
    }

    // Waits for every worker; their exceptions are read from the tasks afterwards.
    private static void WaitQuietly(Task[] workers)
    {
        try
        {
            Task.WaitAll(workers);
        }
        catch (AggregateException)
        {
            // Inspected by the caller through Task.Exception.
        }
    }

    private readonly record struct Pending(Term Id, Document Document, bool IsNew);

    private sealed class Producer(
        IdLookup? existing,
        IReadOnlyList<string> files,
        IndexingOptions options,
        BlockingCollection<List<Pending>>[] queues,
        Action? checkpoint,
        CancellationToken failed,
        Stopwatch clock,
        CancellationToken cancellationToken)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly List<Pending>[] _batches = [.. queues.Select(_ => new List<Pending>(BatchSize))];
        private readonly long[] _sizes = [.. files.Select(SizeOf)];
        private long _read;
        private long _indexed;
        private long _replaced;
        private long _skipped;
        private bool _stopped;
        private bool _cancelled;
        private long _completedBytes;
        private int _ticks;
        private TimeSpan _lastReport;
        private TimeSpan _lastCheckpoint;

        public BuildResult Result() => new(_read, _indexed, _replaced, _skipped, _stopped, _cancelled);

        public void Run()
        {
            for (var i = 0; i < files.Count && !_stopped && !_cancelled; i++)
            {
                ReadFile(files[i]);
                _completedBytes += _sizes[i];
            }

            // Also after a stop or a cancellation: what was read is written, as when records went one by one.
            Send();
            Report(null);
        }

        private void ReadFile(string path)
        {
            var reader = CorpusFiles.CreateReader(path, options.MaxBodyChars);
            IEnumerable<CorpusItem> items = reader is null
                ? [new CorpusLineError(path, 0, CorpusFiles.UnsupportedReason)]
                : reader.Read();
            foreach (var item in items)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    _cancelled = true;
                    return;
                }

                _read++;
                if (item is CorpusRecord record)
                {
                    Add(record);
                }
                else if (item is CorpusLineError error && Reject(error))
                {
                    _stopped = true;
                    return;
                }

                if (++_ticks % ProgressCheckEvery == 0)
                {
                    var now = clock.Elapsed;
                    if (now - _lastReport >= ProgressInterval)
                    {
                        Report(reader);
                    }

                    if (checkpoint is not null && now - _lastCheckpoint >= options.CommitInterval)
                    {
                        // Documents still queued for the workers land in the next commit; none is lost or doubled.
                        _lastCheckpoint = now;
                        Send();
                        checkpoint();
                    }
                }
            }
        }

        private void Add(CorpusRecord record)
        {
            var id = record.Article.Id;
            var isNew = _seen.Add(id) && !(existing?.Contains(id) ?? false);
            if (isNew)
            {
                _indexed++;
            }
            else
            {
                _replaced++;
            }

            var pending = new Pending(NewsDocumentMapper.IdTerm(id), NewsDocumentMapper.ToDocument(record.Article), isNew);
            var worker = (id.GetHashCode() & int.MaxValue) % queues.Length;
            _batches[worker].Add(pending);
            if (_batches[worker].Count == BatchSize)
            {
                Send(worker);
            }
        }

        // Hands the records read so far to the workers: one batch, or every partial batch.
        private void Send(int? worker = null)
        {
            for (var i = 0; i < queues.Length; i++)
            {
                if ((worker is null || worker == i) && _batches[i].Count > 0)
                {
                    queues[i].Add(_batches[i], failed);
                    _batches[i] = new List<Pending>(BatchSize);
                }
            }
        }

        // True when this error is one more than the run may take.
        private bool Reject(CorpusLineError error)
        {
            _skipped++;
            options.OnError?.Invoke(error);
            return options.MaxErrors >= 0 && _skipped > options.MaxErrors;
        }

        private void Report(ICorpusReader? reader)
        {
            _lastReport = clock.Elapsed;
            options.Progress?.Report(new IndexingProgress(
                _indexed + _replaced, _completedBytes + (reader?.BytesRead ?? 0), _sizes.Sum(), _lastReport));
        }

        private static long SizeOf(string path)
        {
            try
            {
                var info = new FileInfo(path);
                return info.Exists ? info.Length : 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return 0;
            }
        }
    }
}
