using System.CommandLine;
using System.Globalization;
using Search.Evaluation.Topics;
using Search.Querying;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary><c>repeats</c>: how many first-page slots repeat a title shown above them, with and without one hit per story (#21).</summary>
internal static class RepeatsCommand
{
    public static Command Create(CliConsole console)
    {
        var queries = new Argument<string>("queries") { Description = "Topics file (qid<TAB>text), e.g. titles of random articles" };
        var index = CommonOptions.Index();
        var size = new Option<int>("--size") { Description = "Hits per first page", DefaultValueFactory = _ => 10, HelpName = "n" };
        var list = new Option<bool>("--list") { Description = "Also print each repeat left with one hit per story (query, title, ids) on stderr" };
        var json = CommonOptions.Json();
        var command = new Command("repeats", "Count first-page hits that repeat a title shown above them, collapsed and not")
        {
            queries, index, size, list, json,
        };
        command.SetAction(parse =>
        {
            var pageSize = parse.GetValue(size);
            var path = parse.GetRequiredValue(queries);
            if (pageSize is < 1 or > SearchLimits.MaxPageSize || !File.Exists(path))
            {
                console.Error.WriteLine(File.Exists(path) ? $"--size must be between 1 and {SearchLimits.MaxPageSize}." : $"{path}: no such file.");
                return ExitCodes.Usage;
            }

            var topics = TopicReader.Read(path);
            foreach (var error in topics.Errors)
            {
                console.Error.WriteLine(error.ToString());
            }

            using var searcher = IndexOpener.TryOpen(parse.GetRequiredValue(index), console);
            if (searcher is null)
            {
                return ExitCodes.IndexFailure;
            }

            var rows = new[] { false, true }.Select(collapse => Count(searcher, topics.Value, pageSize, collapse,
                collapse && parse.GetValue(list) ? console.Error : null)).ToList();
            if (parse.GetValue(json))
            {
                CliJson.Write(console.Out, rows);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("hits", "queries", "pages with a repeat", "slots", "repeated slots", "rate", "hits naming copies");
            foreach (var row in rows)
            {
                table.AddRow(
                    row.Collapsed ? "one per story" : "every article",
                    row.Queries.ToString(CultureInfo.InvariantCulture),
                    row.PagesWithRepeats.ToString(CultureInfo.InvariantCulture),
                    row.Slots.ToString(CultureInfo.InvariantCulture),
                    row.RepeatedSlots.ToString(CultureInfo.InvariantCulture),
                    row.Rate.ToString("P2", CultureInfo.InvariantCulture),
                    row.HitsWithCopies.ToString(CultureInfo.InvariantCulture));
            }

            console.Tables.Write(table);
            return topics.Errors.Count > 0 ? ExitCodes.Skipped : ExitCodes.Ok;
        });
        return command;
    }

    private static RepeatCount Count(NewsSearcher searcher, IReadOnlyList<Topic> topics, int size, bool collapse, TextWriter? list)
    {
        int queries = 0, pages = 0, slots = 0, repeated = 0, withCopies = 0;
        foreach (var topic in topics)
        {
            SearchPage page;
            try
            {
                page = searcher.Search(new SearchRequest(topic.Text, 1, size) { Correct = false, Collapse = collapse });
            }
            catch (QuerySyntaxException)
            {
                continue;
            }

            queries++;
            var shown = new Dictionary<string, string>(StringComparer.Ordinal);
            var repeats = 0;
            foreach (var hit in page.Hits)
            {
                var title = string.Join(' ', (hit.Title ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (title.Length > 0 && !shown.TryAdd(title, hit.Id))
                {
                    repeats++;
                    list?.WriteLine($"{topic.Id}: {title} ({shown[title]}, {hit.Id})");
                }

                withCopies += hit.CopyCount > 0 ? 1 : 0;
            }

            slots += page.Hits.Count;
            repeated += repeats;
            pages += repeats > 0 ? 1 : 0;
        }

        return new RepeatCount(collapse, queries, pages, slots, repeated, slots == 0 ? 0 : repeated / (double)slots, withCopies);
    }

    private sealed record RepeatCount(
        bool Collapsed, int Queries, int PagesWithRepeats, int Slots, int RepeatedSlots, double Rate, int HitsWithCopies);
}
