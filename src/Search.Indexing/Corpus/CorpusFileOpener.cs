namespace Search.Indexing.Corpus;

/// <summary>Opens a corpus file for sequential reading, turning the usual failures into a reason instead of an exception.</summary>
internal static class CorpusFileOpener
{
    public static FileStream? Open(string path, out string? reason)
    {
        reason = null;
        if (Directory.Exists(path))
        {
            reason = "is a directory";
            return null;
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
                bufferSize: 64 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            reason = "no such file or directory";
        }
        catch (UnauthorizedAccessException)
        {
            reason = "permission denied";
        }
        catch (IOException e)
        {
            reason = $"cannot open: {e.Message}";
        }

        return null;
    }
}
