namespace Search.Cli.SearchBox;

/// <summary>One line of the search-box report: a set's figure over all its rows and over each half.</summary>
/// <param name="Set">The set's name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Measure">What is counted.</param>
/// <param name="Rows">Rows scored.</param>
/// <param name="All">The share over all rows.</param>
/// <param name="FirstHalf">The share over the odd rows (1st, 3rd, …): a tuning half.</param>
/// <param name="SecondHalf">The share over the even rows: the other half, to see whether tuning on one carried over.</param>
/// <param name="Target">The target, as text.</param>
/// <param name="Met">Whether the share over all rows meets it.</param>
internal sealed record SearchBoxFigure(
    string Set, string Kind, string Measure, int Rows, double All, double FirstHalf, double SecondHalf, string Target, bool Met);
