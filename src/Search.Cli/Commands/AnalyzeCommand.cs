using System.CommandLine;
using Search.Core.Analysis;
using Search.Core.Schema;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary><c>analyze "text"</c>: the tokens each analyzed field makes of a text, with positions and offsets.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliConsole console)
    {
        var text = new Argument<string>("text") { Description = "Text to analyze (quote it)" };
        var fields = new Option<string[]>("--field")
        {
            Description = $"Only these fields (repeatable): {string.Join(", ", NewsFields.TextFields)}",
            AllowMultipleArgumentsPerToken = false,
        };
        fields.AcceptOnlyFromAmong([.. NewsFields.TextFields]);
        var json = CommonOptions.Json();

        var command = new Command("analyze", "Show the tokens of each analyzed field, with positions and offsets")
        {
            text, fields, json,
        };
        command.SetAction(parse =>
        {
            var input = parse.GetValue(text) ?? string.Empty;
            var chosen = parse.GetValue(fields) is { Length: > 0 } f ? f : [.. NewsFields.TextFields];
            var analyzer = NewsAnalyzerFactory.Create();
            var result = chosen
                .Select(field => new FieldTokens(field, TokenInspector.Analyze(analyzer, field, input)))
                .ToList();
            if (parse.GetValue(json))
            {
                CliJson.Write(console.Out, new { text = input, fields = result });
                return ExitCodes.Ok;
            }

            foreach (var field in result)
            {
                var table = new Table().Title(field.Field).AddColumns("term", "position", "start", "end", "source");
                foreach (var token in field.Tokens)
                {
                    table.AddRow(
                        Markup.Escape(token.Term),
                        token.Position.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        token.StartOffset.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        token.EndOffset.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Markup.Escape(input[token.StartOffset..token.EndOffset]));
                }

                console.Tables.Write(table);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record FieldTokens(string Field, IReadOnlyList<AnalyzedToken> Tokens);
}
