using System.CommandLine;

namespace Search.Cli.Commands;

/// <summary><c>reindex path...</c>: builds a complete new index beside the live one and switches to it atomically.</summary>
internal static class ReindexCommand
{
    public static Command Create(CliConsole console) =>
        new IndexingRun().CreateCommand(
            "reindex",
            "Build a complete new index from the input beside the live one, switch to it atomically, remove the old one",
            rebuild: true,
            console);
}
