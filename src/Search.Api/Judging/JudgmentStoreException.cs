namespace Search.Api.Judging;

/// <summary>The judgment store cannot be opened, read or written (unwritable folder, full disk, a newer schema); the API answers 503.</summary>
public sealed class JudgmentStoreException(string message, Exception? inner = null) : Exception(message, inner);
