namespace Search.Api.Judging;

/// <summary>A query set uploaded through the API, as listed by the store.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Created">When it was first uploaded.</param>
/// <param name="Queries">How many queries it holds.</param>
public sealed record UploadedQuerySet(string Name, DateTimeOffset Created, int Queries);
