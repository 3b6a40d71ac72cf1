namespace Search.Api.Contracts.Judging;

/// <summary>One query of a set; <c>judged</c> is the number of documents judged for it.</summary>
public sealed record QuerySetQueryResponse(string Id, string Text, int Judged);
