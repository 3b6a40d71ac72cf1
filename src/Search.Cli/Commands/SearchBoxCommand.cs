using System.CommandLine;
using System.Globalization;
using Search.Cli.SearchBox;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary>
/// <c>searchbox</c>: the search box's quality on an index, as <c>relevance</c> is the ranking's (#18): corrections of
/// single-word and phrase slips, queries typed right left alone, prefix completions and name variants, scored from the
/// TSV sets of a folder (see <see cref="SearchBoxScorer"/>). <c>bench-searchbox</c> measures the same calls' latency.
/// </summary>
internal static class SearchBoxCommand
{
    public static Command Create(CliConsole console)
    {
        var sets = new Option<string>("--sets")
        {
            Description = "Folder of TSV sets: typos*, phrases*, correct*, prefixes*, name-variants*.tsv, each with a header line",
            DefaultValueFactory = _ => "../shared/searchbox",
            HelpName = "dir",
        };
        var index = CommonOptions.Index();
        var variants = CommonOptions.Variants();
        var misses = new Option<bool>("--misses") { Description = "Also list every case that missed, with what came back" };
        var json = CommonOptions.Json();
        var command = new Command("searchbox", "Score corrections, completions and name variants on an index from TSV sets")
        {
            sets, index, variants, misses, json,
        };
        command.SetAction(parse => Execute(
            console, parse.GetRequiredValue(sets), parse.GetRequiredValue(index), parse.GetRequiredValue(variants),
            parse.GetValue(misses), parse.GetValue(json)));
        return command;
    }

    private static int Execute(CliConsole console, string setsFolder, string indexPath, string variantsPath, bool listMisses, bool json)
    {
        if (!Directory.Exists(setsFolder))
        {
            console.Error.WriteLine($"{setsFolder}: no such folder.");
            return ExitCodes.Usage;
        }

        var sets = SearchBoxSets.Read(setsFolder, console.Error);
        if (sets.Count == 0)
        {
            console.Error.WriteLine($"{setsFolder}: no set (typos*.tsv, phrases*.tsv, correct*.tsv, prefixes*.tsv, name-variants*.tsv).");
            return ExitCodes.Usage;
        }

        using var searcher = IndexOpener.TryOpen(indexPath, console, variantsPath: variantsPath);
        if (searcher is null)
        {
            return ExitCodes.IndexFailure;
        }

        var model = searcher.GetSpellingStatistics();
        var (figures, missed, names) = new SearchBoxScorer(searcher).Score(sets);
        if (json)
        {
            CliJson.Write(console.Out, new
            {
                index = searcher.Status.Generation,
                documents = searcher.Status.DocumentCount,
                variants = searcher.Variants.Groups.Count,
                spellingModel = model,
                figures,
                names = names.Select(n => new { set = n.Set.Name, sameName = n.Row.Columns[2] == "yes", n.Pair }),
                misses = listMisses ? missed : null,
            });
            return ExitCodes.Ok;
        }

        var table = new Table()
            .Caption(string.Create(CultureInfo.InvariantCulture,
                $"{searcher.Status.DocumentCount:N0} articles; spelling model {model?.Words:N0} words, {model?.Pairs:N0} pairs, {model?.Bytes / 1048576.0:F1} MiB, built in {model?.BuildTime.TotalSeconds:F1} s; {searcher.Variants.Groups.Count} name groups; halves: odd and even rows"))
            .AddColumns("set", "figure", "rows", "all", "1st half", "2nd half", "target", "met");
        foreach (var f in figures)
        {
            table.AddRow(Markup.Escape(f.Set), f.Measure, F(f.Rows), P(f.All), P(f.FirstHalf), P(f.SecondHalf), Markup.Escape(f.Target), f.Met ? "yes" : "no");
        }

        console.Tables.Write(table);
        if (names.Count > 0)
        {
            var pairs = new Table()
                .AddColumns("spelling", "other", "one name", "using it", "using other", "finds of either", "other finds of either", "finds more of other's own", "ok");
            foreach (var (set, row, pair) in names)
            {
                var sameName = row.Columns[2] == "yes";
                var ok = sameName ? pair.Coverage >= SearchBoxScorer.NameCoverage : pair.Merged <= 0;
                pairs.AddRow(pair.First, pair.Second, row.Columns[2], F(pair.UsingFirst), F(pair.UsingSecond),
                    P(pair.FirstFindsOfEither), P(pair.SecondFindsOfEither), P(Math.Max(0, pair.Merged)), ok ? "yes" : "no");
            }

            console.Tables.Write(pairs);
        }

        if (listMisses && missed.Count > 0)
        {
            var table2 = new Table().AddColumns("set", "line", "typed", "got", "expected");
            foreach (var miss in missed)
            {
                table2.AddRow(Markup.Escape(miss.Set), F(miss.Line), Markup.Escape(miss.Typed), Markup.Escape(miss.Got), Markup.Escape(miss.Expected));
            }

            console.Tables.Write(table2);
        }

        return ExitCodes.Ok;
    }

    private static string F(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string P(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);
}
