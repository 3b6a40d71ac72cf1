using Search.Querying;
using Search.Querying.Ranking;

namespace Search.Cli;

/// <summary>Loads the <c>--config</c> of a verb, or says on stderr why it cannot.</summary>
internal static class RankingConfigs
{
    public static RankingWeights? TryLoad(string nameOrPath, CliConsole console)
    {
        try
        {
            return RankingConfigLoader.Load(nameOrPath);
        }
        catch (RankingConfigException e)
        {
            console.Error.WriteLine(e.Message);
            return null;
        }
    }
}
