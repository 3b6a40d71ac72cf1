namespace Search.Cli.Bench;

/// <summary>
/// What sends the HTTP load: wrk, a second process in C, when it is installed; otherwise the in-repo generator, which
/// shares the process (and, on a small machine, the cores) of the bench (see <see cref="WrkLoadGenerator"/>).
/// </summary>
internal sealed record LoadGenerator(string Name, string? Wrk)
{
    /// <summary>The generator <paramref name="choice"/> names; null when it is wrk and wrk is not installed.</summary>
    public static LoadGenerator? Choose(string? choice)
    {
        var wrk = choice == "in-repo" ? null : WrkLoadGenerator.Find();
        return (choice, wrk) switch
        {
            ("wrk", null) => null,
            (_, { } path) => new LoadGenerator("wrk", path),
            _ => new LoadGenerator("the in-repo generator", null),
        };
    }

    /// <summary>
    /// The load of <paramref name="connections"/> connections over <paramref name="targets"/>. With <paramref name="spread"/>,
    /// the in-repo generator starts each connection at its own share of the targets; wrk's one thread sends them in turn.
    /// Either way the connections' requests follow the list, not each other.
    /// </summary>
    public Task<LoadReport> RunAsync(
        Uri address, IReadOnlyList<string> targets, int connections, TimeSpan duration, CancellationToken cancellationToken, bool spread = false) =>
        Wrk is null
            ? HttpLoadGenerator.RunAsync(address, targets, connections, duration, cancellationToken, spread)
            : WrkLoadGenerator.RunAsync(Wrk, address, targets, connections, duration, cancellationToken);
}
