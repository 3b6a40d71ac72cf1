using System.CommandLine;
using System.Globalization;
using Search.Api.Replication;
using Search.Cli.Replication;
using Search.Core.Storage;

namespace Search.Cli.Commands;

/// <summary>
/// <c>follow primary-url</c> (#19): keeps a replica's index root in step with a primary's live commit, once
/// (<c>--once</c>) or until Ctrl+C or SIGTERM, logging each switch. The work is <see cref="ReplicaSync"/>'s.
/// </summary>
internal static class FollowCommand
{
    /// <summary>The environment variable the key is read from when <c>--key</c> is not given: the primary's own setting's name.</summary>
    public const string KeyVariable = "Search__Replication__Key";

    public static Command Create(CliConsole console)
    {
        var primary = new Argument<string>("primary-url") { Description = "The primary API's address (http://host:port), which serves /replication/" };
        primary.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                result.AddError($"primary-url must be an http:// or https:// address, not '{text}'.");
            }
        });
        var index = CommonOptions.Index();
        var key = new Option<string?>("--key")
        {
            Description = $"The primary's replication key ({ReplicationSettings.KeyKey}); default: the environment variable {KeyVariable}, "
                + "which other users cannot read in the process list as they can an argument",
            HelpName = "key",
        };
        var interval = new Option<double>("--interval")
        {
            Description = "Seconds between two looks at the primary",
            DefaultValueFactory = _ => 5,
            HelpName = "seconds",
        };
        interval.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0
                && double.TryParse(result.Tokens[^1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && !(seconds > 0 && seconds <= 86_400))
            {
                result.AddError("--interval must be a number of seconds above 0 and at most a day.");
            }
        });
        var once = new Option<bool>("--once") { Description = "Sync once and exit: 0 when the replica is in step" };
        var command = new Command("follow", "Keep this index root in step with a primary's live commit (a read replica)")
        {
            primary, index, key, interval, once,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var secret = parse.GetValue(key) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable(KeyVariable);
            if (string.IsNullOrEmpty(secret))
            {
                await console.Error.WriteLineAsync($"follow needs the primary's replication key: --key <key>, or the environment variable {KeyVariable}.");
                return ExitCodes.Usage;
            }

            var layout = new IndexLayout(parse.GetRequiredValue(index));
            using var client = new PrimaryClient(new Uri(parse.GetRequiredValue(primary)), secret);
            var sync = new ReplicaSync(layout, client);
            return parse.GetValue(once)
                ? await OnceAsync(console, sync, cancellationToken)
                : await FollowAsync(console, sync, client, layout, TimeSpan.FromSeconds(parse.GetValue(interval)), cancellationToken);
        });
        return command;
    }

    private static async Task<int> OnceAsync(CliConsole console, ReplicaSync sync, CancellationToken cancellationToken)
    {
        try
        {
            Report(console, await sync.RunAsync(cancellationToken));
            return ExitCodes.Ok;
        }
        catch (ReplicationException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return ExitCodes.IndexFailure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("Interrupted before the switch: the replica is unchanged; what arrived is kept for the next run.");
            return ExitCodes.Cancelled;
        }
    }

    // A failed round is said once (until it changes or a round succeeds) and retried; only a refused key ends the loop.
    private static async Task<int> FollowAsync(
        CliConsole console, ReplicaSync sync, PrimaryClient client, IndexLayout layout, TimeSpan interval, CancellationToken cancellationToken)
    {
        await console.Error.WriteLineAsync(
            string.Create(CultureInfo.InvariantCulture, $"Following {client.Address} into {layout.Root} every {interval.TotalSeconds:0.###} s; Ctrl+C stops."));
        string? lastProblem = null;
        var quiet = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var result = await sync.RunAsync(cancellationToken);
                if (result.Switched || !quiet)
                {
                    Report(console, result);
                }

                quiet = true;
                lastProblem = null;
            }
            catch (ReplicationException e)
            {
                if (e.KeyRefused)
                {
                    await console.Error.WriteLineAsync(e.Message);
                    return ExitCodes.IndexFailure;
                }

                if (e.Message != lastProblem)
                {
                    await console.Error.WriteLineAsync($"{Now()} {e.Message}");
                    lastProblem = e.Message;
                }

                quiet = false;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await console.Error.WriteLineAsync("Stopped following; the replica keeps serving its live generation.");
        return ExitCodes.Ok;
    }

    private static void Report(CliConsole console, SyncResult result)
    {
        var generation = Path.GetFileName(result.Generation);
        console.Out.WriteLine(result.Switched
            ? string.Create(CultureInfo.InvariantCulture,
                $"{Now()} switched to {generation}: commit {result.Commit}, {result.Documents:N0} documents; {result.Downloaded} file(s) downloaded ({result.DownloadedBytes / 1024.0 / 1024.0:F1} MiB), {result.Kept} kept")
            : $"{Now()} in step: commit {result.Commit} is live in {generation}");
        console.Out.Flush();
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
