using System.CommandLine;
using System.Globalization;
using Search.Querying;
using Search.Querying.Variants;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary>
/// <c>variants</c>: the name variants analysts review (#18). <c>propose</c> mines the index for spellings of one foreign
/// name and writes them, with their evidence, to a proposals file; <c>list</c> shows the approved groups of the variants
/// file (and its bad lines, as <c>path:line: reason</c>); <c>explain</c> says why two spellings are, or are not, one name.
/// </summary>
internal static class VariantsCommand
{
    public const string DefaultProposalsPath = "index-data/variants.proposed.txt";

    public static Command Create(CliConsole console)
    {
        var command = new Command("variants", "Name variants: mine proposals from the index, list the approved groups, explain a pair");
        command.Add(Propose(console));
        command.Add(List(console));
        command.Add(Explain(console));
        return command;
    }

    private static Command Propose(CliConsole console)
    {
        var index = CommonOptions.Index();
        var output = new Option<string>("--out")
        {
            Description = "Where to write the proposals (one group a line, the evidence as a comment); review, then copy lines to the variants file",
            DefaultValueFactory = _ => DefaultProposalsPath,
            HelpName = "path",
        };
        var minArticles = new Option<int>("--min-articles") { Description = "Articles each spelling must be used in", DefaultValueFactory = _ => new VariantMinerOptions().MinArticles, HelpName = "n" };
        var minSimilarity = new Option<double>("--min-similarity") { Description = "Context similarity a pair needs (0–1)", DefaultValueFactory = _ => new VariantMinerOptions().MinSimilarity, HelpName = "x" };
        var json = CommonOptions.Json();
        var command = new Command("propose", "Mine the index for spellings of one foreign name and write them for review")
        {
            index, output, minArticles, minSimilarity, json,
        };
        command.SetAction(parse =>
        {
            using var searcher = IndexOpener.TryOpen(parse.GetRequiredValue(index), console);
            if (searcher is null)
            {
                return ExitCodes.IndexFailure;
            }

            var options = new VariantMinerOptions(MinArticles: parse.GetValue(minArticles), MinSimilarity: parse.GetValue(minSimilarity));
            IReadOnlyList<VariantProposal> proposals;
            IReadOnlyList<VariantEvidence> examined;
            using (var lease = searcher.Acquire())
            {
                (proposals, examined) = VariantMiner.Propose(lease.Searcher.IndexReader, options);
            }

            var path = parse.GetRequiredValue(output);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllLines(path, [
                "# Proposed by 'news-search variants propose': groups of spellings of one foreign name, mined from the index.",
                "# Review each line; copy those that are one name to the variants file (index-data/variants.txt).",
                .. proposals.Select(p => p.ToLine()),
            ]);
            if (parse.GetValue(json))
            {
                CliJson.Write(console.Out, new { path, examined = examined.Count, proposals });
                return ExitCodes.Ok;
            }

            var table = new Table()
                .Caption(string.Create(CultureInfo.InvariantCulture, $"{proposals.Count} groups from {examined.Count:N0} pairs of one skeleton; written to {path}"))
                .AddColumns("spellings", "evidence");
            foreach (var proposal in proposals)
            {
                table.AddRow(Markup.Escape(string.Join(" ", proposal.Spellings)), Markup.Escape(string.Join("\n", proposal.Pairs.Select(p => p.Summary()))));
            }

            console.Tables.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var variants = CommonOptions.Variants();
        var json = CommonOptions.Json();
        var command = new Command("list", "List the groups of the variants file; report its bad lines (exit 1 when there are some)")
        {
            variants, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(variants);
            if (!File.Exists(path))
            {
                console.Error.WriteLine($"{path}: no such file.");
                return ExitCodes.Usage;
            }

            var (groups, errors) = VariantsFile.Read(path);
            foreach (var error in errors)
            {
                console.Error.WriteLine(error.ToString());
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(console.Out, new { path, groups, errors = errors.Select(e => e.ToString()) });
            }
            else
            {
                var table = new Table().Caption($"{groups.Count} groups in {path}").AddColumns("line", "spellings", "note");
                foreach (var group in groups)
                {
                    table.AddRow(group.Line.ToString(CultureInfo.InvariantCulture), Markup.Escape(string.Join(" ", group.Spellings)), Markup.Escape(group.Note ?? string.Empty));
                }

                console.Tables.Write(table);
            }

            return errors.Count == 0 ? ExitCodes.Ok : ExitCodes.Skipped;
        });
        return command;
    }

    private static Command Explain(CliConsole console)
    {
        var first = new Argument<string>("spelling") { Description = "A spelling" };
        var second = new Argument<string?>("other") { Description = "Another spelling (default: each other spelling of its group in the variants file)", Arity = ArgumentArity.ZeroOrOne };
        var index = CommonOptions.Index();
        var variants = CommonOptions.Variants();
        var json = CommonOptions.Json();
        var command = new Command("explain", "Why two spellings are, or are not, one name: skeletons, articles, contexts, sources")
        {
            first, second, index, variants, json,
        };
        command.SetAction(parse =>
        {
            using var searcher = IndexOpener.TryOpen(parse.GetRequiredValue(index), console, variantsPath: parse.GetRequiredValue(variants));
            if (searcher is null)
            {
                return ExitCodes.IndexFailure;
            }

            var word = parse.GetRequiredValue(first);
            var others = parse.GetValue(second) is { Length: > 0 } other ? [other] : searcher.Variants.Expand(word);
            if (others.Count == 0)
            {
                console.Error.WriteLine($"'{word}' is in no group of {searcher.Variants.Path}; give another spelling to compare it with.");
                return ExitCodes.Usage;
            }

            var evidence = new List<VariantEvidence>();
            using (var lease = searcher.Acquire())
            {
                evidence.AddRange(others.Select(o => VariantMiner.Explain(lease.Searcher.IndexReader, word, o)));
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(console.Out, evidence.Select(e => new { e.First, e.Second, grouped = Grouped(searcher, e), e.Proposed, e.Refusal, e.Similarity, evidence = e }));
                return ExitCodes.Ok;
            }

            foreach (var e in evidence)
            {
                console.Out.WriteLine($"{e.First} / {e.Second}: {(Grouped(searcher, e) ? "one group in the variants file" : "not grouped in the variants file")}");
                console.Out.WriteLine($"  {e.Summary()}");
                console.Out.WriteLine(e.Refusal is null ? "  the miner proposes them as one name" : $"  the miner does not propose them: {e.Refusal}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool Grouped(NewsSearcher searcher, VariantEvidence evidence) =>
        searcher.Variants.Expand(evidence.First).Any(s => VariantsFile.Key(s) == evidence.Second);
}
