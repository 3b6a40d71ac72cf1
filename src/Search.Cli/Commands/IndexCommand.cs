using System.CommandLine;

namespace Search.Cli.Commands;

/// <summary><c>index path...</c>: upserts articles into the live index, by id.</summary>
internal static class IndexCommand
{
    public static Command Create(CliConsole console) =>
        new IndexingRun().CreateCommand(
            "index",
            "Add or replace articles (by id) in the live index; creates the index if there is none",
            rebuild: false,
            console);
}
