using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
using Search.Core.Schema;

namespace Search.Indexing.Corpus;

/// <summary>Reads one scraped news page (<c>.txt</c>): category line, title line, body paragraphs, boilerplate tail.</summary>
/// <remarks>
/// <para>
/// The first non-empty line is the category, the next non-empty line the title, and every further non-empty line a
/// body paragraph (joined with <c>\n</c>; blank lines dropped). The site's boilerplate tail is removed by
/// <see cref="Boilerplate.StripTail"/>. The id is the file name without <c>.txt</c>, so two pages with the same file
/// name in different folders are one article (the later replaces the earlier).
/// </para>
/// <para>
/// A page is rejected, at the line concerned, when it is empty, whitespace only, binary (a NUL byte), not UTF-8,
/// has a category but no title, has no body after its title (or only boilerplate), or a body over the size limit.
/// A UTF-8 BOM and CRLF line ends are accepted.
/// </para>
/// </remarks>
public sealed class ScrapedPageReader : ICorpusReader
{
    /// <summary>The largest page read, in bytes (64 MiB); a scraped page is never near this.</summary>
    public const int MaxFileBytes = 64 * 1024 * 1024;

    private const string Extension = ".txt";

    private readonly int _maxBodyChars;
    private long _bytesRead;

    /// <summary>Creates a reader for <paramref name="path"/>; the file is opened when <see cref="Read"/> is enumerated.</summary>
    public ScrapedPageReader(string path, int maxBodyChars = IndexingOptions.DefaultMaxBodyChars)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBodyChars);
        Path = path;
        _maxBodyChars = maxBodyChars;
    }

    /// <inheritdoc />
    public string Path { get; }

    /// <inheritdoc />
    public long BytesRead => Volatile.Read(ref _bytesRead);

    /// <inheritdoc />
    public IEnumerable<CorpusItem> Read()
    {
        Volatile.Write(ref _bytesRead, 0);
        var item = ReadPage();
        Volatile.Write(ref _bytesRead, item.Line == 0 ? 0 : FileLength());
        yield return item;
    }

    private CorpusItem ReadPage()
    {
        var bytes = ReadAllBytes(out var readError);
        if (bytes is null)
        {
            return new CorpusLineError(Path, readError.Line, readError.Reason);
        }

        if (bytes.Length == 0)
        {
            return Error(1, "empty file");
        }

        var nul = bytes.AsSpan().IndexOf((byte)0);
        if (nul >= 0)
        {
            return Error(LineAt(bytes, nul), "binary file (NUL byte)");
        }

        var offset = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes.AsSpan(offset), chars, out var consumed, out var written,
            replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            return Error(LineAt(bytes, offset + consumed), "invalid UTF-8");
        }

        return Parse(chars.AsSpan(0, written));
    }

    private CorpusItem Parse(ReadOnlySpan<char> text)
    {
        var paragraphs = new List<string>();
        var lines = new List<int>();
        var line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            var trimmed = Trim(text[raw]);
            if (!trimmed.IsEmpty)
            {
                paragraphs.Add(trimmed.ToString());
                lines.Add(line);
            }
        }

        if (paragraphs.Count == 0)
        {
            return Error(1, "no text (whitespace only)");
        }

        if (paragraphs.Count == 1)
        {
            return Error(lines[0], "no title after the category line");
        }

        var category = paragraphs[0];
        var title = paragraphs[1];
        var body = paragraphs.GetRange(2, paragraphs.Count - 2);
        Boilerplate.StripTail(body);
        if (body.Count == 0)
        {
            return Error(lines[1], paragraphs.Count > 2 ? "no body after the title (only site boilerplate)" : "no body after the title");
        }

        var id = System.IO.Path.GetFileName(Path);
        id = id.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? id[..^Extension.Length] : id;
        var bodyText = string.Join('\n', body);
        var reason = ArticleRules.CheckId(id.Trim());
        if (reason is not null)
        {
            return Error(1, $"{reason} (from the file name)");
        }

        reason = ArticleRules.CheckExactValue("category", category);
        if (reason is not null)
        {
            return Error(lines[0], reason);
        }

        reason = ArticleRules.CheckBody(bodyText, _maxBodyChars);
        if (reason is not null)
        {
            return Error(lines[2], reason);
        }

        return new CorpusRecord(Path, 1, new NewsArticle(id.Trim(), bodyText, title, category));
    }

    private byte[]? ReadAllBytes(out (int Line, string Reason) error)
    {
        error = default;
        using var file = CorpusFileOpener.Open(Path, out var openError);
        if (file is null)
        {
            error = (0, openError!);
            return null;
        }

        try
        {
            if (file.Length > MaxFileBytes)
            {
                error = (1, string.Create(CultureInfo.InvariantCulture,
                    $"file is {file.Length} bytes; the limit for one page is {MaxFileBytes} bytes"));
                return null;
            }

            var bytes = new byte[file.Length];
            file.ReadExactly(bytes);
            return bytes;
        }
        catch (IOException e)
        {
            error = (1, $"read error: {e.Message}");
            return null;
        }
    }

    private long FileLength()
    {
        try
        {
            return new FileInfo(Path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    // Trims white space and invisible format characters (RLM, LRM, ZWNJ at the ends), which scraped pages carry.
    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> line)
    {
        var start = 0;
        var end = line.Length;
        while (start < end && IsBlank(line[start]))
        {
            start++;
        }

        while (end > start && IsBlank(line[end - 1]))
        {
            end--;
        }

        return line[start..end];
    }

    private static bool IsBlank(char c) =>
        char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static int LineAt(byte[] bytes, int index) => bytes.AsSpan(0, index).Count((byte)'\n') + 1;

    private CorpusLineError Error(int line, string reason) => new(Path, line, reason);
}
