namespace Search.Core.Replication;

/// <summary>One file of an index commit as replication sees it: its name, its length and Lucene's CRC32 checksum.</summary>
/// <param name="Name">The file name inside the generation folder (Lucene never reuses a name within a folder).</param>
/// <param name="Length">The length in bytes.</param>
/// <param name="Checksum">The CRC32 Lucene wrote into the file's footer when it wrote the file.</param>
public sealed record CommitFile(string Name, long Length, long Checksum);
