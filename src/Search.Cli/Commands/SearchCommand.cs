using System.CommandLine;
using System.Globalization;
using System.Net;
using Search.Querying;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary><c>search "query"</c>: the top hits as a table, through the same parser and ranking as <c>GET /search</c>.</summary>
internal static class SearchCommand
{
    public static Command Create(CliConsole console)
    {
        var query = new Argument<string>("query") { Description = "Words, \"quoted phrases\", -excluded, OR" };
        var index = CommonOptions.Index();
        var size = new Option<string>("--size") { Description = "Hits per page (1 to 100)", DefaultValueFactory = _ => "10", HelpName = "n" };
        var page = new Option<string>("--page") { Description = "1-based page", DefaultValueFactory = _ => "1", HelpName = "n" };
        var category = new Option<string[]>("--category") { Description = "Only this category (exact value); repeat for any of several" };
        var source = new Option<string[]>("--source") { Description = "Only this source (exact value); repeat for any of several" };
        var month = new Option<string[]>("--month") { Description = "Only this publication month (yyyy-MM, UTC); repeat for any of several", HelpName = "yyyy-MM" };
        var recency = new Option<string?>("--recency") { Description = "Recency boost for relevance order: half-life in days, or off", HelpName = "days" };
        var from = new Option<string?>("--from") { Description = "Published on or after (yyyy-MM-dd or ISO 8601)", HelpName = "date" };
        var to = new Option<string?>("--to") { Description = "Published on or before (a whole day for yyyy-MM-dd)", HelpName = "date" };
        var sort = new Option<string>("--sort") { Description = "relevance, or date/newest (newest first)", DefaultValueFactory = _ => "relevance" };
        var variants = CommonOptions.Variants();
        var noCorrect = new Option<bool>("--no-correct") { Description = "Search the words as typed: no correction, did-you-mean or typo retry" };
        var all = new Option<bool>("--no-collapse") { Description = "Every matching article as a hit; by default one hit per story, naming its copies" };
        var json = CommonOptions.Json();
        var command = new Command("search", "Search the index and show the top hits")
        {
            query, index, size, page, category, source, month, from, to, sort, recency, variants, noCorrect, all, json,
        };
        command.SetAction(parse =>
        {
            var request = SearchRequestBinder.TryBind(
                parse.GetValue(query), parse.GetValue(page), parse.GetValue(size), parse.GetValue(category),
                parse.GetValue(source), parse.GetValue(from), parse.GetValue(to), parse.GetValue(sort), out var errors,
                parse.GetValue(month), parse.GetValue(recency));
            if (request is null)
            {
                foreach (var (name, messages) in errors)
                {
                    console.Error.WriteLine($"--{(name == "q" ? "query" : name)}: {string.Join(" ", messages)}");
                }

                return ExitCodes.Usage;
            }

            request = request with { Correct = !parse.GetValue(noCorrect) };
            using var searcher = IndexOpener.TryOpen(parse.GetRequiredValue(index), console,
                variantsPath: parse.GetRequiredValue(variants));
            if (searcher is null)
            {
                return ExitCodes.IndexFailure;
            }

            SearchPage result;
            try
            {
                result = searcher.Search(request with { Collapse = !parse.GetValue(all) });
            }
            catch (QuerySyntaxException e)
            {
                console.Error.WriteLine($"Invalid query at position {e.Position}: {e.Message}");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(console.Out, result);
                return ExitCodes.Ok;
            }

            if (result.Corrected)
            {
                console.Error.WriteLine($"Showing results for: {result.SearchedQuery} (search as typed with --no-correct)");
            }
            else if (result.DidYouMean is { } didYouMean)
            {
                console.Error.WriteLine($"Did you mean: {didYouMean}");
            }

            WriteTable(console, result);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(CliConsole console, SearchPage result)
    {
        var first = (result.Page - 1) * result.Size;
        var table = new Table()
            .Caption(string.Create(CultureInfo.InvariantCulture,
                $"{result.Total:N0} results{(result.Collapsed ? " (articles; one hit per story)" : string.Empty)}, page {result.Page}, {result.TookMs:F1} ms"))
            .AddColumns("#", "score", "id", "title", "category", "source", "date")
            .AddColumn("snippet", column => column.Width(80));
        if (result.Collapsed)
        {
            table.AddColumn("also in", column => column.Width(30));
        }

        for (var i = 0; i < result.Hits.Count; i++)
        {
            var hit = result.Hits[i];
            var cells = new List<string>
            {
                (first + i + 1).ToString(CultureInfo.InvariantCulture),
                hit.Score.ToString("F3", CultureInfo.InvariantCulture),
                Markup.Escape(hit.Id),
                Markup.Escape(hit.Title ?? string.Empty),
                Markup.Escape(hit.Category ?? string.Empty),
                Markup.Escape(hit.Source ?? string.Empty),
                Markup.Escape(hit.Date ?? string.Empty),
                SnippetMarkup(hit.Snippet),
            };
            if (result.Collapsed)
            {
                cells.Add(Markup.Escape(AlsoIn(hit)));
            }

            table.AddRow([.. cells]);
        }

        console.Tables.Write(table);
    }

    // "+2: economy · skynews-arabia, …": where else the story ran.
    private static string AlsoIn(SearchHit hit) => hit.CopyCount == 0
        ? string.Empty
        : $"+{hit.CopyCount}: " + string.Join(", ", hit.Copies.Select(copy => string.Join(" · ", new[] { copy.Category, copy.Source }.Where(v => v is not null))));

    // The snippet is HTML (escaped text, matches in <mark>): show matches in bold in a terminal.
    private static string SnippetMarkup(string html)
    {
        var parts = html.Split("<mark>");
        var markup = new System.Text.StringBuilder(Markup.Escape(WebUtility.HtmlDecode(parts[0])));
        foreach (var part in parts.Skip(1))
        {
            var end = part.IndexOf("</mark>", StringComparison.Ordinal);
            var marked = end < 0 ? part : part[..end];
            var rest = end < 0 ? string.Empty : part[(end + "</mark>".Length)..];
            markup.Append("[bold]").Append(Markup.Escape(WebUtility.HtmlDecode(marked))).Append("[/]")
                .Append(Markup.Escape(WebUtility.HtmlDecode(rest)));
        }

        return markup.ToString();
    }
}
