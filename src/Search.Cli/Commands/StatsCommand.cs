using System.CommandLine;
using System.Globalization;
using Search.Querying;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary><c>stats</c>: documents, counts per category and source, size on disk, schema version.</summary>
internal static class StatsCommand
{
    public static Command Create(CliConsole console)
    {
        var index = CommonOptions.Index();
        var json = CommonOptions.Json();
        var command = new Command("stats", "Show documents, counts per category and source, size on disk, schema version")
        {
            index, json,
        };
        command.SetAction(parse =>
        {
            using var searcher = IndexOpener.TryOpen(parse.GetRequiredValue(index), console);
            if (searcher is null)
            {
                return ExitCodes.IndexFailure;
            }

            var stats = searcher.GetStatistics();
            if (parse.GetValue(json))
            {
                CliJson.Write(console.Out, stats);
                return ExitCodes.Ok;
            }

            var summary = new Table().HideHeaders().AddColumns("what", "value");
            summary.AddRow("documents", Count(stats.DocumentCount));
            summary.AddRow("deleted, not yet merged", Count(stats.DeletedCount));
            summary.AddRow("size on disk", FormatBytes(stats.SizeBytes));
            summary.AddRow("segments", Count(stats.SegmentCount));
            summary.AddRow("schema version", stats.SchemaVersion?.ToString(CultureInfo.InvariantCulture) ?? "none");
            summary.AddRow("last commit", stats.LastCommit?.ToString("u", CultureInfo.InvariantCulture) ?? "unknown");
            summary.AddRow("generation", Markup.Escape(stats.Generation));
            console.Tables.Write(summary);
            console.Tables.Write(CountTable("category", stats.Categories));
            console.Tables.Write(CountTable("source", stats.Sources));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Table CountTable(string name, IReadOnlyList<FacetValue> values)
    {
        var table = new Table().AddColumn(name).AddColumn(new TableColumn("documents").RightAligned());
        foreach (var value in values)
        {
            table.AddRow(Markup.Escape(value.Value), Count(value.Count));
        }

        return table;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string FormatBytes(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F2} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):F1} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):F1} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
