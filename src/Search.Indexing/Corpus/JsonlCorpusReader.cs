using System.Buffers.Binary;
using System.IO.Hashing;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Unicode;
using Search.Core.Schema;

namespace Search.Indexing.Corpus;

/// <summary>Reads JSON Lines (<c>.jsonl</c>, <c>.jsonl.gz</c>): one article object per line.</summary>
/// <remarks>
/// <para>
/// Fields: <c>id</c> and <c>body</c> are required non-empty strings (after trimming); <c>title</c>, <c>category</c>,
/// <c>source</c>, <c>url</c> and <c>date</c> are optional strings (null or blank means absent); other fields are
/// ignored. A numeric <c>id</c> is rejected (<c>"id" must be a string</c>) rather than converted: <c>5</c> and
/// <c>"5.0"</c> would otherwise be one article or two depending on formatting.
/// </para>
/// <para>
/// A <c>date</c> that <see cref="PublicationDate.TryParse"/> cannot read rejects the record (<c>invalid "date": ...</c>)
/// instead of indexing it without a date: a silently dropped date would make the article vanish from date filters
/// and sorts with nobody told.
/// </para>
/// <para>
/// The file is split into lines as bytes, so each line is checked on its own: invalid UTF-8, invalid JSON, a
/// non-object, a wrong type or a line over <see cref="MaxLineBytes"/> rejects that line only. Blank lines are
/// skipped silently, but a file with no line of content is reported (<c>empty file</c>), and so is a binary file (a NUL
/// byte in its first block), once; a UTF-8 BOM on line 1 and CRLF line ends are accepted. Gzip is detected by its magic bytes,
/// whatever the extension. A truncated or corrupt gzip stream is reported at the line reached, keeping every record
/// before it. .NET's <see cref="GZipStream"/> ends a truncated stream silently, so the decompressed length is checked
/// against the gzip trailer; a file of several concatenated gzip members is therefore reported as truncated at its end
/// (its records are all kept).
/// </para>
/// </remarks>
public sealed class JsonlCorpusReader : ICorpusReader
{
    /// <summary>The longest line accepted, in bytes (4 MiB); longer lines are rejected without being held in memory.</summary>
    public const int MaxLineBytes = 4 * 1024 * 1024;

    /// <summary>The reason given for a gzip stream that ends early or does not decompress.</summary>
    public const string CorruptGzipReason = "truncated or corrupt gzip stream";

    private const string BinaryReason = "binary file (NUL byte)";
    private const int InitialBufferBytes = 64 * 1024;
    private const int GzipTrailerBytes = 8;
    private const int MinimumGzipBytes = 18;

    private readonly int _maxBodyChars;
    private long _bytesRead;

    /// <summary>Creates a reader for <paramref name="path"/>; the file is opened when <see cref="Read"/> is enumerated.</summary>
    public JsonlCorpusReader(string path, int maxBodyChars = IndexingOptions.DefaultMaxBodyChars)
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

    private enum Field
    {
        Other,
        Id,
        Body,
        Title,
        Category,
        Source,
        Url,
        Date,
    }

    /// <inheritdoc />
    public IEnumerable<CorpusItem> Read()
    {
        Volatile.Write(ref _bytesRead, 0);
        var file = CorpusFileOpener.Open(Path, out var openError);
        if (file is null)
        {
            yield return new CorpusLineError(Path, 0, openError!);
            yield break;
        }

        using (file)
        {
            var isGzip = TryReadGzipTrailer(file, out var expectedLength, out var expectedCrc, out var headerError);
            var crc = isGzip ? new Crc32() : null;
            if (headerError is not null)
            {
                yield return new CorpusLineError(Path, 1, headerError);
                yield break;
            }

            using var stream = isGzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : null;
            var input = stream ?? (Stream)file;
            var buffer = new byte[InitialBufferBytes];
            int start = 0, end = 0, line = 0;
            long decompressed = 0;
            var atEnd = false;
            var skipping = false;
            var yielded = false;
            var recordSeen = false;
            string? streamError = null;
            while (true)
            {
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    line++;
                    if (!recordSeen && !skipping && buffer.AsSpan(start, newline).Contains((byte)0))
                    {
                        // Text never holds NUL. Before any good record it means a binary file: one error, not one per
                        // "line" of noise. After good records it only spoils its own line, which fails as JSON.
                        yield return new CorpusLineError(Path, line, BinaryReason);
                        yield break;
                    }

                    var item = skipping ? LineTooLong(line) : ParseLine(buffer.AsSpan(start, newline), line);
                    recordSeen |= item is CorpusRecord;
                    skipping = false;
                    start += newline + 1;
                    if (item is not null)
                    {
                        yielded = true;
                        yield return item;
                    }

                    continue;
                }

                if (atEnd || streamError is not null)
                {
                    break;
                }

                MakeRoom(ref buffer, ref start, ref end, ref skipping);
                var count = ReadChunk(input, buffer, end, out streamError);
                atEnd = count == 0;

                crc?.Append(buffer.AsSpan(end, count));
                end += count;
                decompressed += count;
                Volatile.Write(ref _bytesRead, file.Position);
            }

            // GZipStream ends a truncated stream without an error, and a flipped bit can inflate into other text: the
            // trailer's length (mod 2^32) and CRC-32 tell both.
            if (isGzip && streamError is null
                && ((uint)decompressed != expectedLength || crc!.GetCurrentHashAsUInt32() != expectedCrc))
            {
                streamError = CorruptGzipReason;
            }

            if (streamError is not null)
            {
                // The line being read when the stream broke is incomplete: report it instead of parsing half of it.
                yield return new CorpusLineError(Path, line + 1, streamError);
                yield break;
            }

            if (skipping || end > start)
            {
                line++;
                if (!recordSeen && !skipping && buffer.AsSpan(start, end - start).Contains((byte)0))
                {
                    yield return new CorpusLineError(Path, line, BinaryReason);
                    yield break;
                }

                var last = skipping ? LineTooLong(line) : ParseLine(buffer.AsSpan(start, end - start), line);
                if (last is not null)
                {
                    yielded = true;
                    yield return last;
                }
            }

            if (!yielded)
            {
                yield return new CorpusLineError(Path, 1, decompressed == 0 ? "empty file" : "no records (blank lines only)");
            }

            Volatile.Write(ref _bytesRead, file.Length);
        }
    }

    // Keeps the unfinished line at the start of the buffer and grows the buffer up to MaxLineBytes; past that, the
    // line is dropped and skipped up to its newline.
    private static void MakeRoom(ref byte[] buffer, ref int start, ref int end, ref bool skipping)
    {
        if (skipping)
        {
            start = end = 0;
            return;
        }

        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end < buffer.Length)
        {
            return;
        }

        if (buffer.Length >= MaxLineBytes)
        {
            skipping = true;
            start = end = 0;
            return;
        }

        Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxLineBytes));
    }

    private static int ReadChunk(Stream input, byte[] buffer, int offset, out string? error)
    {
        error = null;
        try
        {
            return input.Read(buffer, offset, buffer.Length - offset);
        }
        catch (InvalidDataException)
        {
            error = CorruptGzipReason;
        }
        catch (IOException e)
        {
            error = $"read error: {e.Message}";
        }

        return 0;
    }

    // Gzip by magic bytes, whatever the extension; the trailer holds the CRC-32 and the length mod 2^32 of the text.
    private static bool TryReadGzipTrailer(FileStream file, out uint expectedLength, out uint expectedCrc, out string? error)
    {
        expectedLength = 0;
        expectedCrc = 0;
        error = null;
        try
        {
            Span<byte> magic = stackalloc byte[2];
            var isGzip = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            if (isGzip && file.Length >= MinimumGzipBytes)
            {
                Span<byte> trailer = stackalloc byte[GzipTrailerBytes];
                file.Position = file.Length - GzipTrailerBytes;
                file.ReadExactly(trailer);
                expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
                expectedLength = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
            }
            else if (isGzip)
            {
                error = CorruptGzipReason;
            }

            file.Position = 0;
            return isGzip;
        }
        catch (IOException e)
        {
            error = $"read error: {e.Message}";
            return false;
        }
    }

    private CorpusLineError LineTooLong(int line) =>
        new(Path, line, $"line is longer than {MaxLineBytes / (1024 * 1024)} MiB");

    private CorpusItem? ParseLine(ReadOnlySpan<byte> bytes, int line)
    {
        if (line == 1 && bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (bytes.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0)
        {
            return null;
        }

        if (!Utf8.IsValid(bytes))
        {
            return new CorpusLineError(Path, line, "invalid UTF-8");
        }

        string? id = null, body = null, title = null, category = null, source = null, url = null, date = null;
        var reader = new Utf8JsonReader(bytes);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return new CorpusLineError(Path, line, $"expected a JSON object, found {Describe(reader.TokenType)}");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Identify(ref reader);
                reader.Read();
                if (field == Field.Other)
                {
                    reader.Skip();
                    continue;
                }

                string? value = null;
                if (reader.TokenType == JsonTokenType.String)
                {
                    value = reader.GetString();
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    return new CorpusLineError(Path, line, $"\"{Name(field)}\" must be a string");
                }

                switch (field)
                {
                    case Field.Id: id = value; break;
                    case Field.Body: body = value; break;
                    case Field.Title: title = value; break;
                    case Field.Category: category = value; break;
                    case Field.Source: source = value; break;
                    case Field.Url: url = value; break;
                    default: date = value; break;
                }
            }

            // Anything but whitespace after the object makes this Read throw.
            reader.Read();
        }
        catch (JsonException e)
        {
            var position = e.BytePositionInLine ?? 0;
            return new CorpusLineError(Path, line, position >= bytes.Length
                ? "invalid JSON: unexpected end of line"
                : $"invalid JSON at byte {position + 1}");
        }

        return Build(line, id?.Trim(), body?.Trim(), title, category, source, url, date);
    }

    private CorpusItem Build(
        int line, string? id, string? body, string? title, string? category, string? source, string? url, string? date)
    {
        category = ArticleRules.Clean(category);
        source = ArticleRules.Clean(source);
        date = ArticleRules.Clean(date);
        var reason = ArticleRules.CheckId(id)
            ?? ArticleRules.CheckBody(body, _maxBodyChars)
            ?? ArticleRules.CheckExactValue("category", category)
            ?? ArticleRules.CheckExactValue("source", source);
        DateTimeOffset? publishedAt = null;
        if (reason is null && date is not null)
        {
            if (PublicationDate.TryParse(date, out var parsed))
            {
                publishedAt = parsed;
            }
            else
            {
                reason = $"invalid \"date\": {ArticleRules.Quote(date)}";
            }
        }

        if (reason is not null)
        {
            return new CorpusLineError(Path, line, reason);
        }

        var article = new NewsArticle(
            id!, body!, ArticleRules.Clean(title), category, source, ArticleRules.Clean(url), date, publishedAt);
        return new CorpusRecord(Path, line, article);
    }

    private static Field Identify(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("id"u8))
        {
            return Field.Id;
        }

        if (reader.ValueTextEquals("body"u8))
        {
            return Field.Body;
        }

        if (reader.ValueTextEquals("title"u8))
        {
            return Field.Title;
        }

        if (reader.ValueTextEquals("category"u8))
        {
            return Field.Category;
        }

        if (reader.ValueTextEquals("source"u8))
        {
            return Field.Source;
        }

        if (reader.ValueTextEquals("url"u8))
        {
            return Field.Url;
        }

        return reader.ValueTextEquals("date"u8) ? Field.Date : Field.Other;
    }

    private static string Name(Field field) => field switch
    {
        Field.Id => "id",
        Field.Body => "body",
        Field.Title => "title",
        Field.Category => "category",
        Field.Source => "source",
        Field.Url => "url",
        _ => "date",
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };
}
