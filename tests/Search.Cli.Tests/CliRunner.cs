using Search.Cli;

namespace Search.Cli.Tests;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, interactive: false);

        var exitCode = await SearchCli.RunAsync(args, console, TestContext.Current.CancellationToken);

        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static string TestData(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);
}

internal sealed record CliResult(int ExitCode, string Out, string Error);
