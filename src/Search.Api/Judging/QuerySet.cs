using Search.Evaluation.Topics;

namespace Search.Api.Judging;

/// <summary>A named list of queries to judge: a file under the query-sets folder, or a set uploaded through the API.</summary>
/// <param name="Name">Its name (a file's name without <c>.tsv</c>).</param>
/// <param name="Origin"><see cref="FileOrigin"/> or <see cref="UploadedOrigin"/>.</param>
/// <param name="Queries">Its queries, in order.</param>
public sealed record QuerySet(string Name, string Origin, IReadOnlyList<Topic> Queries)
{
    /// <summary>Read-only, from a <c>*.tsv</c> file kept on the server.</summary>
    public const string FileOrigin = "file";

    /// <summary>Uploaded through the API, kept in the judgment store.</summary>
    public const string UploadedOrigin = "uploaded";
}
