namespace Search.Api.Contracts.Judging;

/// <summary>A line of an upload that was skipped: 1-based line number and the reason.</summary>
public sealed record LineErrorResponse(int Line, string Reason)
{
    public static LineErrorResponse From(Search.Evaluation.LineError error) => new(error.Line, error.Reason);
}
