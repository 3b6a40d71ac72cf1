namespace Search.Querying.Spelling;

/// <summary>The size and cost of the spelling corrector's language model of the served index (#18).</summary>
/// <param name="Words">Distinct words counted.</param>
/// <param name="Pairs">Distinct word pairs kept (seen at least twice, or once in a headline).</param>
/// <param name="Bytes">Memory of its tables.</param>
/// <param name="BuildTime">How long building it took.</param>
public sealed record SpellingModelStatistics(int Words, int Pairs, long Bytes, TimeSpan BuildTime);
