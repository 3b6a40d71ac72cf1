using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Search.Api;
using Search.Core.Storage;
using Search.Indexing;
using Search.Indexing.Corpus;
using Search.Querying;

namespace Search.Cli.Commands;

/// <summary>
/// <c>serve</c>: the main job. Indexes the sample corpus when the index is empty, then serves the search API on
/// localhost until Ctrl+C.
/// </summary>
/// <remarks>
/// The API itself only reads (<c>dotnet run --project src/Search.Api</c> serves an existing index); seeding writes, so
/// it lives here, where the writers are. This verb is why Search.Cli references Search.Api.
/// </remarks>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://localhost:5000";
    public const string DefaultSample = "index-data/sample";

    public static Command Create(CliConsole console)
    {
        var index = CommonOptions.Index();
        var urls = new Option<string>("--urls")
        {
            Description = "Address(es) to listen on, separated by ';'",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var sample = new Option<string>("--sample")
        {
            Description = "Corpus indexed first when the index is empty or missing",
            DefaultValueFactory = _ => DefaultSample,
            HelpName = "path",
        };
        var command = new Command("serve", "Index the sample corpus if the index is empty, then serve search on localhost")
        {
            index, urls, sample,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var indexPath = parse.GetRequiredValue(index);
            var seeded = Seed(console, new IndexLayout(indexPath), parse.GetRequiredValue(sample), cancellationToken);
            if (seeded != ExitCodes.Ok)
            {
                return seeded;
            }

            var app = SearchApiApplication.Create(
                ["--urls", parse.GetRequiredValue(urls)],
                builder => builder.Configuration[SearchApiApplication.IndexPathKey] = indexPath);
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var status = app.Services.GetRequiredService<NewsSearcher>().Status;
                foreach (var url in app.Urls)
                {
                    console.Out.WriteLine($"Serving {status.DocumentCount} articles on {url}  (search page {url}/ , judging {url}/judge , API {url}/search?q=الاقتصاد , OpenAPI {url}/openapi/v1.json; Ctrl+C stops)");
                }
            });
            await app.RunAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Seed(CliConsole console, IndexLayout layout, string samplePath, CancellationToken cancellationToken)
    {
        using (var searcher = new NewsSearcher(new NewsSearcherOptions(layout.Root, RefreshInterval: Timeout.InfiniteTimeSpan)))
        {
            var status = searcher.Status;
            if (status.State == IndexState.SchemaMismatch)
            {
                console.Error.WriteLine(status.Message);
                return ExitCodes.IndexFailure;
            }

            if (status.IsReady && status.DocumentCount > 0)
            {
                return ExitCodes.Ok;
            }
        }

        var files = CorpusFiles.Expand([samplePath]);
        if (files.Files.Count == 0)
        {
            console.Error.WriteLine($"The index at {layout.Root} is empty and there is no sample corpus at {samplePath}.");
            return ExitCodes.IndexFailure;
        }

        console.Error.WriteLine($"The index at {layout.Root} is empty: indexing the sample corpus from {samplePath} ...");
        var report = new IndexingService().Index(layout, files.Files, new IndexingOptions
        {
            OnError = error => console.Error.WriteLine(error.ToString()),
        }, cancellationToken);
        console.Error.WriteLine($"Indexed {report.Indexed + report.Replaced} articles ({report.Skipped} skipped) in {report.Elapsed.TotalSeconds:F1} s.");
        return ExitCodes.Ok;
    }
}
