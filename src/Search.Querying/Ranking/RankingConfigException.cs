namespace Search.Querying.Ranking;

/// <summary>A ranking configuration that cannot be used; the message names the source and what is wrong.</summary>
public sealed class RankingConfigException(string message) : Exception(message);
