using System.CommandLine;
using System.Globalization;
using Search.Core.Storage;
using Search.Indexing;
using Search.Indexing.Corpus;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary>What <c>index</c> and <c>reindex</c> share: their options, the run with progress, the summary, the exit code.</summary>
internal sealed class IndexingRun
{
    private readonly Argument<string[]> _paths = new("path")
    {
        Description = "Files or folders (recursive) of .jsonl, .jsonl.gz and scraped-page .txt",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string> _index = CommonOptions.Index();

    private readonly Option<int> _maxErrors = new("--max-errors")
    {
        Description = "Stop reading after this many bad records (what was good is committed); -1 = never stop",
        DefaultValueFactory = _ => -1,
        HelpName = "n",
    };

    private readonly Option<double> _commitEvery = new("--commit-every")
    {
        Description = "index: commit every this many seconds while running, so a crash loses at most that much (0 = only at the end)",
        DefaultValueFactory = _ => IndexingOptions.DefaultCommitInterval.TotalSeconds,
        HelpName = "seconds",
    };

    private readonly Option<bool> _json = CommonOptions.Json();

    private readonly Option<bool> _merge = new("--merge")
    {
        Description = "Merge the index into one segment before the final commit: faster searches (about a fifth less query time), longer indexing",
    };

    // Analysis changes are index changes (#3): a configuration's profile is chosen when the index is built.
    private readonly Option<string?> _config = new("--config")
    {
        Description = "Build with the analysis profile of this ranking configuration (default, stock, or a JSON path); "
            + "index: must match the existing index's profile",
        HelpName = "name-or-path",
    };

    public Command CreateCommand(string name, string description, bool rebuild, CliConsole console)
    {
        _maxErrors.Validators.Add(result =>
        {
            // Conversion errors are reported by the parser; only a parsed number is checked here.
            if (result.Tokens.Count > 0
                && int.TryParse(result.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                && value < -1)
            {
                result.AddError("--max-errors must be -1 (no limit) or a count of 0 or more.");
            }
        });
        _json.Description = "Write the summary as JSON on stdout, and the progress lines (stderr not a terminal) as JSON objects, one per line";
        var command = new Command(name, description) { _paths, _index, _maxErrors, _json, _config, _merge };
        if (!rebuild)
        {
            command.Add(_commitEvery);
        }

        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse, rebuild, console, cancellationToken));
        return command;
    }

    private async Task<int> ExecuteAsync(ParseResult parse, bool rebuild, CliConsole console, CancellationToken cancellationToken)
    {
        var layout = new IndexLayout(parse.GetRequiredValue(_index));
        var expansion = CorpusFiles.Expand(parse.GetRequiredValue(_paths));
        foreach (var error in expansion.Errors)
        {
            await console.Error.WriteLineAsync(error.ToString());
        }

        if (expansion.Files.Count == 0)
        {
            await console.Error.WriteLineAsync("No input files (.jsonl, .jsonl.gz, .txt) found.");
            return ExitCodes.Usage;
        }

        Search.Core.Analysis.AnalysisProfile? profile = null;
        if (parse.GetValue(_config) is { } configName)
        {
            if (RankingConfigs.TryLoad(configName, console) is not { } weights)
            {
                return ExitCodes.Usage;
            }

            profile = weights.Profile;
        }

        var reporter = new IndexingProgressReporter(console, parse.GetValue(_json));
        var options = new IndexingOptions
        {
            MaxErrors = parse.GetValue(_maxErrors),
            Analysis = profile,
            MergeToOneSegment = parse.GetValue(_merge),
            CommitInterval = rebuild ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(_commitEvery))),
            OnError = error => console.Error.WriteLine(error.ToString()),
            Progress = reporter,
        };
        var service = new IndexingService();
        IndexingReport report;
        try
        {
            report = await reporter.RunAsync(rebuild ? "reindexing" : "indexing", () => rebuild
                ? service.Reindex(layout, expansion.Files, options, cancellationToken)
                : service.Index(layout, expansion.Files, options, cancellationToken));
        }
        catch (IndexSchemaMismatchException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return ExitCodes.IndexFailure;
        }
        catch (Lucene.Net.Store.LockObtainFailedException)
        {
            await console.Error.WriteLineAsync(
                $"Another process is writing the index at {layout.Root} (its write lock is held); nothing was changed. Try again when it has finished.");
            return ExitCodes.IndexFailure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"Cannot write the index at {layout.Root}: {e.Message}");
            return ExitCodes.IndexFailure;
        }

        var skipped = report.Skipped + expansion.Errors.Count;
        WriteSummary(console, parse.GetValue(_json), report, skipped);
        return report switch
        {
            { Cancelled: true } => ExitCodes.Cancelled,
            { StoppedAtMaxErrors: true } => ExitCodes.TooManyErrors,
            { Published: false } => ExitCodes.Skipped,
            _ when skipped > 0 => ExitCodes.Skipped,
            _ => ExitCodes.Ok,
        };
    }

    private static void WriteSummary(CliConsole console, bool json, IndexingReport report, long skipped)
    {
        var kept = report.Published
            ? "what was read before is committed"
            : "nothing was published; the live index is unchanged";
        var outcome = report.Cancelled ? $"cancelled; {kept}"
            : report.StoppedAtMaxErrors ? $"stopped at --max-errors; {kept}"
            : report.Published ? "completed"
            : "no good records; nothing was published, the live index is unchanged";
        if (json)
        {
            CliJson.Write(console.Out, new
            {
                read = report.Read,
                indexed = report.Indexed,
                replaced = report.Replaced,
                skipped,
                elapsedSeconds = Math.Round(report.Elapsed.TotalSeconds, 3),
                outcome,
                index = report.IndexPath,
            });
            return;
        }

        var rate = report.Elapsed.TotalSeconds > 0 ? (report.Indexed + report.Replaced) / report.Elapsed.TotalSeconds : 0;
        var grid = new Table().HideHeaders().AddColumns("what", "value");
        grid.AddRow("read", Count(report.Read));
        grid.AddRow("indexed (new)", Count(report.Indexed));
        grid.AddRow("replaced", Count(report.Replaced));
        grid.AddRow("skipped", Count(skipped));
        grid.AddRow("elapsed", string.Create(CultureInfo.InvariantCulture, $"{report.Elapsed.TotalSeconds:F1} s ({rate:N0} docs/s)"));
        grid.AddRow("outcome", outcome);
        grid.AddRow("index", Markup.Escape(report.IndexPath));
        console.Tables.Write(grid);
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
