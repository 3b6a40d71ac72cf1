namespace Search.Api.Contracts.Replication;

/// <summary>One file of a replicated commit.</summary>
/// <param name="Name">The file name; the only names the primary serves for the commit.</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="Checksum">The CRC32 in its Lucene footer, as an unsigned 32-bit number.</param>
public sealed record ReplicatedFileResponse(string Name, long Length, long Checksum);
