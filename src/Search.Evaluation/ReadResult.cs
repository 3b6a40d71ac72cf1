namespace Search.Evaluation;

/// <summary>What a reader made of a file: the value read from the good lines, and one error per bad line.</summary>
/// <typeparam name="T">The value read.</typeparam>
public sealed record ReadResult<T>(T Value, IReadOnlyList<LineError> Errors);
