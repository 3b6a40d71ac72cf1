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

    /// <summary>The repository root: the folder above the test output that holds Search.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Search.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Search.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The project's own sample corpus, index-data/sample.</summary>
    public static string SampleCorpus => Path.Combine(RepositoryRoot(), "index-data", "sample");

    /// <summary>A file of ../shared/corpus beside the repository, or null where it is absent (CI has it).</summary>
    public static string? SharedCorpus(string name)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "corpus", name));
        return File.Exists(path) ? path : null;
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Error);
