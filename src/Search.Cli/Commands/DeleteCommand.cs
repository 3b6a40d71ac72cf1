using System.CommandLine;
using Search.Core.Storage;
using Search.Indexing;

namespace Search.Cli.Commands;

/// <summary><c>delete id...</c>: removes articles from the live index by id.</summary>
internal static class DeleteCommand
{
    public static Command Create(CliConsole console)
    {
        var ids = new Argument<string[]>("id") { Description = "Ids of the articles to delete", Arity = ArgumentArity.OneOrMore };
        var index = CommonOptions.Index();
        var json = CommonOptions.Json();
        var command = new Command("delete", "Delete articles by id from the live index (exit 1 when some ids were absent)")
        {
            ids, index, json,
        };
        command.SetAction(parse =>
        {
            var layout = new IndexLayout(parse.GetRequiredValue(index));
            DeleteReport report;
            try
            {
                report = new IndexingService().Delete(layout, parse.GetRequiredValue(ids));
            }
            catch (Lucene.Net.Store.LockObtainFailedException)
            {
                console.Error.WriteLine(
                    $"Another process is writing the index at {layout.Root} (its write lock is held); nothing was deleted.");
                return ExitCodes.IndexFailure;
            }
            catch (Exception e) when (e is IndexMissingException or IndexSchemaMismatchException or IOException)
            {
                console.Error.WriteLine(e.Message);
                return ExitCodes.IndexFailure;
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(console.Out, new { deleted = report.Deleted, absent = report.Absent, index = report.IndexPath });
            }
            else
            {
                foreach (var id in report.Deleted)
                {
                    console.Out.WriteLine($"deleted {id}");
                }

                foreach (var id in report.Absent)
                {
                    console.Error.WriteLine($"not found: {id}");
                }

                console.Out.WriteLine($"{report.Deleted.Count} deleted, {report.Absent.Count} not found");
            }

            return report.Absent.Count > 0 ? ExitCodes.Skipped : ExitCodes.Ok;
        });
        return command;
    }
}
