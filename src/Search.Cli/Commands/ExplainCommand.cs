using System.CommandLine;
using System.Globalization;
using Search.Querying;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary><c>explain --query text --id docid</c>: the document's rank and score, and the parts of the score per field and term.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var query = new Option<string>("--query") { Description = "Query text, as typed in the search box", Required = true, HelpName = "text" };
        var id = new Option<string>("--id") { Description = "Document id", Required = true, HelpName = "docid" };
        var config = CommonOptions.Config();
        var index = CommonOptions.Index();
        var json = CommonOptions.Json();
        var command = new Command("explain", "Explain a document's rank and score for a query, per field and term")
        {
            query, id, config, index, json,
        };
        command.SetAction(parse =>
        {
            var weights = RankingConfigs.TryLoad(parse.GetRequiredValue(config), console);
            if (weights is null)
            {
                return ExitCodes.Usage;
            }

            using var searcher = IndexOpener.TryOpen(parse.GetRequiredValue(index), console, weights);
            if (searcher is null)
            {
                return ExitCodes.IndexFailure;
            }

            ScoreExplanation explanation;
            try
            {
                explanation = ScoreExplainer.Explain(searcher, parse.GetRequiredValue(query), parse.GetRequiredValue(id));
            }
            catch (QuerySyntaxException e)
            {
                console.Error.WriteLine($"Invalid query at position {e.Position}: {e.Message}");
                return ExitCodes.Usage;
            }

            if (!explanation.Exists)
            {
                console.Error.WriteLine($"No document with id {explanation.DocId}.");
                return ExitCodes.Skipped;
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(console.Out, explanation);
                return ExitCodes.Ok;
            }

            Write(console, explanation, weights.Name);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(CliConsole console, ScoreExplanation e, string configName)
    {
        var rank = !e.Matches ? "does not match the query"
            : e.Rank is { } r ? string.Create(CultureInfo.InvariantCulture, $"rank {r} of {e.Total:N0} matches")
            : string.Create(CultureInfo.InvariantCulture, $"beyond rank {e.RankDepth:N0} of {e.Total:N0} matches");
        console.Out.WriteLine($"{e.DocId}  {e.Title}");
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"config {configName}: {rank}, score {e.Score:F4}"));
        if (!e.Matches)
        {
            console.Out.WriteLine("No query word, in any of its analyzed forms, occurs in this document's searched fields.");
            return;
        }

        var table = new Table().AddColumns("part", "field", "term or phrase", "freq", "idf", "adds");
        foreach (var c in e.Contributions)
        {
            table.AddRow(
                c.Kind,
                Markup.Escape(c.Field ?? string.Empty),
                Markup.Escape(c.Text),
                c.Frequency is { } f ? f.ToString("0.##", CultureInfo.InvariantCulture) : string.Empty,
                c.Idf is { } idf ? idf.ToString("F3", CultureInfo.InvariantCulture) : string.Empty,
                c.Kind == "coord" ? "× " + c.Score.ToString("F3", CultureInfo.InvariantCulture) : c.Score.ToString("F4", CultureInfo.InvariantCulture));
        }

        console.Tables.Write(table);
        var fields = new Table().AddColumns("field", "score");
        foreach (var (field, score) in e.ByField)
        {
            fields.AddRow(Markup.Escape(field), score.ToString("F4", CultureInfo.InvariantCulture));
        }

        console.Tables.Write(fields);
    }
}
