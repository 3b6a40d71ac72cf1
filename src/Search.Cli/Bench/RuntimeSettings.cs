using System.Globalization;

namespace Search.Cli.Bench;

/// <summary>How the runtime's garbage collector is set up in this process (child processes inherit the settings).</summary>
internal static class RuntimeSettings
{
    /// <summary>
    /// Workstation or server, and the largest gen0 budget: with about 1 MB allocated per search, the budget decides how
    /// often a search stops for a collection, so every table says which it had.
    /// </summary>
    public static string Describe()
    {
        var budget = GC.GetConfigurationVariables().TryGetValue("GCGen0MaxBudget", out var value) && value is IConvertible number
            ? $", gen0 budget up to {number.ToInt64(CultureInfo.InvariantCulture) / 1_048_576.0:0.#} MiB"
            : string.Empty;
        var configured = Environment.GetEnvironmentVariable("DOTNET_GCgen0size") is { Length: > 0 } gen0 ? $" (DOTNET_GCgen0size={gen0})" : string.Empty;
        return (System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC") + budget + configured;
    }
}
