using System.CommandLine;
using Search.Cli.Commands;

namespace Search.Cli;

/// <summary>The command line: verbs, their options, and how a parse becomes an exit code.</summary>
internal static class SearchCli
{
    public static RootCommand CreateRoot(CliConsole console)
    {
        var root = new RootCommand("Arabic news search: index corpora, search them, serve the API");
        root.Add(IndexCommand.Create(console));
        root.Add(ReindexCommand.Create(console));
        root.Add(DeleteCommand.Create(console));
        root.Add(StatsCommand.Create(console));
        root.Add(SearchCommand.Create(console));
        root.Add(RepeatsCommand.Create(console));
        root.Add(AnalyzeCommand.Create(console));
        root.Add(ServeCommand.Create(console));
        root.Add(FollowCommand.Create(console));
        root.Add(RunCommand.Create(console));
        root.Add(EvalCommand.Create(console));
        root.Add(ExplainCommand.Create(console));
        root.Add(RelevanceCommand.Create(console));
        root.Add(BenchCommand.Create(console));
        root.Add(SearchBoxBenchCommand.Create(console));
        root.Add(SearchBoxCommand.Create(console));
        root.Add(VariantsCommand.Create(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var parse = CreateRoot(console).Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,

            // Ctrl+C cancels the verb's token; indexing then commits what it has, which can take a while on a
            // large run, so wait for it rather than the default 2 seconds before the process is ended.
            ProcessTerminationTimeout = TimeSpan.FromMinutes(2),
        };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync(error.Message);
            }

            await console.Error.WriteLineAsync("Run 'news-search --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(configuration, cancellationToken);
    }
}
