namespace Search.Indexing.Corpus;

/// <summary>The corpus files found under the paths a user named, and the paths that could not be used.</summary>
/// <param name="Files">Files to read, in order: each named path in turn, a folder's files sorted ordinally.</param>
/// <param name="Errors">One whole-file error (line 0) per path that does not exist or is of an unsupported type.</param>
public sealed record CorpusFileSet(IReadOnlyList<string> Files, IReadOnlyList<CorpusLineError> Errors);
