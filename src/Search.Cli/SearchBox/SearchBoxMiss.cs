namespace Search.Cli.SearchBox;

/// <summary>A case that missed its target: what was typed, what came back, what was expected.</summary>
/// <param name="Set">The set.</param>
/// <param name="Line">Its line in the set's file.</param>
/// <param name="Typed">What was typed.</param>
/// <param name="Got">The correction or suggestions offered (empty: none).</param>
/// <param name="Expected">What was expected.</param>
internal sealed record SearchBoxMiss(string Set, int Line, string Typed, string Got, string Expected);
