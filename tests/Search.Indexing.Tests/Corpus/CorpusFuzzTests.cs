using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Search.Core.Storage;
using Search.Indexing.Corpus;

namespace Search.Indexing.Tests.Corpus;

/// <summary>
/// Truncated and corrupted input files (#7): the readers never throw, every untouched record is kept exactly, and
/// every line that a mutation touched is either read or reported with its place.
/// </summary>
public sealed class CorpusFuzzTests : IDisposable
{
    private const int Mutations = 300;

    private static readonly string[] Bodies =
    [
        "ارتفعت أسعار الذهب اليوم في الأسواق العالمية مع تراجع الدولار.",
        "فاز المنتخب الوطني في المباراة النهائية للبطولة بهدفين نظيفين، وسط حضور جماهيري كبير.",
        "أعلنت الشركة إطلاق هاتف ذكي جديد بكاميرا متطورة وبطارية تدوم يومين. Apple و Samsung في المنافسة.",
        "وَصَلَ الرئيسُ إلى القاهرةِ عام ٢٠٢٥ في زيارة رسمية تستمر ثلاثة أيام.",
        "افتتحت البلدية مكتبة عامة جديدة في وسط المدينة تضم ۲۰۰۰ كتاب.",
    ];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void MutatedJsonLinesLoseNoUntouchedRecordAndReportEveryBadLine()
    {
        var random = new Random(7);
        var original = JsonLines(40);
        var originalLines = original.Split('\n');

        for (var round = 0; round < Mutations; round++)
        {
            var bytes = Encoding.UTF8.GetBytes(original);
            var firstTouched = Mutate(bytes, random, out var mutated);
            var path = _temp.Write($"fuzz-{round}.jsonl", mutated);

            var items = CorpusFiles.CreateReader(path)!.Read().ToList();

            // Every line before the first mutated byte is intact and must come back as exactly its record.
            var intactLines = Encoding.UTF8.GetString(bytes, 0, firstTouched).Count(c => c == '\n');
            for (var line = 1; line <= intactLines; line++)
            {
                var matching = items.Where(i => i.Line == line).ToList();
                Assert.True(matching.Count == 1, $"round {round}, line {line} of {intactLines} intact (first touched byte {firstTouched}): {string.Join(" | ", items.Where(i => i.Line <= intactLines + 1).Select(i => i.ToString()))}");
                var item = matching[0];
                var record = Assert.IsType<CorpusRecord>(item);
                Assert.Equal(IdOf(originalLines[line - 1]), record.Article.Id);
            }

            // Past it, each item is a record or an error that names a line of the file.
            var lineCount = mutated.Count(b => b == (byte)'\n') + 1;
            Assert.All(items, item => Assert.InRange(item.Line, 1, lineCount));
            Assert.All(items.OfType<CorpusLineError>(), error =>
                Assert.StartsWith($"{path}:{error.Line}: ", error.ToString(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void MutatedGzipStreamsKeepTheRecordsBeforeTheDamageAndNeverThrow()
    {
        var random = new Random(11);
        var original = JsonLines(200);
        var compressed = Gzip(original);
        var expectedIds = original.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(IdOf).ToList();

        for (var round = 0; round < Mutations; round++)
        {
            var bytes = (byte[])compressed.Clone();
            Mutate(bytes, random, out var mutated);
            var path = _temp.Write($"fuzz-{round}.jsonl.gz", mutated);

            var items = CorpusFiles.CreateReader(path)!.Read().ToList();

            // Deflate has no checksum until the trailer, so a flipped bit can decode into other, valid-looking text;
            // what must hold is that damage is never silent: any record that differs comes with a reported error.
            var ids = items.OfType<CorpusRecord>().Select(r => r.Article.Id).ToList();
            var altered = ids.Count > expectedIds.Count || ids.Where((id, i) => id != expectedIds[i]).Any();
            if (altered || ids.Count < expectedIds.Count)
            {
                Assert.Contains(items, i => i is CorpusLineError);
            }
            Assert.All(items.OfType<CorpusLineError>(), error =>
                Assert.StartsWith($"{path}:{error.Line}: ", error.ToString(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void MutatedScrapedPagesAreReadOrReportedNeverThrown()
    {
        var random = new Random(13);
        var page = "economy\n\nأسعار النفط تتراجع مع زيادة المخزونات\n\n" + string.Join("\n\n", Bodies)
            + "\n\nمقالات ذات صلة\nالبنك المركزي يبقي الفائدة\nاترك تعليقاً\nزر الذهاب إلى الأعلى\n";

        for (var round = 0; round < Mutations; round++)
        {
            var bytes = Encoding.UTF8.GetBytes(page);
            Mutate(bytes, random, out var mutated);
            var path = _temp.Write($"page-{round}.txt", mutated);

            var items = CorpusFiles.CreateReader(path)!.Read().ToList();

            var item = Assert.Single(items);
            if (item is CorpusLineError error)
            {
                Assert.StartsWith($"{path}:", error.ToString(), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal($"page-{round}", Assert.IsType<CorpusRecord>(item).Article.Id);
            }
        }
    }

    [Fact]
    public void IndexingAFolderOfDamagedFilesKeepsEveryGoodRecord()
    {
        var random = new Random(17);
        var folder = Directory.CreateDirectory(_temp.File("mixed")).FullName;
        var good = JsonLines(30);
        File.WriteAllText(Path.Combine(folder, "a-good.jsonl"), good);
        var damaged = Encoding.UTF8.GetBytes(JsonLines(30, idPrefix: "d"));
        Mutate(damaged, random, out var mutated);
        File.WriteAllBytes(Path.Combine(folder, "b-damaged.jsonl"), mutated);
        var gzip = Gzip(JsonLines(30, idPrefix: "z"));
        File.WriteAllBytes(Path.Combine(folder, "c-truncated.jsonl.gz"), gzip[..(gzip.Length / 2)]);
        File.WriteAllBytes(Path.Combine(folder, "d-binary.txt"), [0, 1, 2, 0xFF, 0xFE, 0]);
        File.WriteAllText(Path.Combine(folder, "e-empty.txt"), string.Empty);
        var layout = new IndexLayout(_temp.File("index"));
        var errors = new List<CorpusLineError>();

        var files = CorpusFiles.Expand([folder]).Files;
        var report = new IndexingService().Index(layout, files, new IndexingOptions { OnError = errors.Add }, CancellationToken.None);

        Assert.Equal(report.Read, report.Indexed + report.Replaced + report.Skipped);
        Assert.Equal(errors.Count, report.Skipped);
        Assert.True(report.Skipped >= 3); // at least the truncated gzip, the binary page and the empty page
        Assert.Equal(report.Indexed, Fixtures.CountDocuments(layout));
        foreach (var line in good.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.NotNull(Fixtures.StoredBody(layout, IdOf(line)));
        }
    }

    // One of: truncate, flip bytes, insert NULs, delete a range, duplicate a range. Returns the first changed offset.
    private static int Mutate(byte[] bytes, Random random, out byte[] mutated)
    {
        var at = random.Next(bytes.Length);
        switch (random.Next(5))
        {
            case 0:
                mutated = bytes[..at];
                break;
            case 1:
                mutated = (byte[])bytes.Clone();
                var flips = random.Next(1, 6);
                var first = int.MaxValue;
                for (var i = 0; i < flips; i++)
                {
                    var position = Math.Min(bytes.Length - 1, at + random.Next(64));
                    mutated[position] ^= (byte)random.Next(1, 256);
                    first = Math.Min(first, position);
                }

                return first;
            case 2:
                mutated = [.. bytes[..at], 0, 0, 0, .. bytes[at..]];
                break;
            case 3:
                var end = Math.Min(bytes.Length, at + random.Next(1, 200));
                mutated = [.. bytes[..at], .. bytes[end..]];
                break;
            default:
                var length = Math.Min(bytes.Length - at, random.Next(1, 200));
                mutated = [.. bytes[..(at + length)], .. bytes[at..]];
                at += length;
                break;
        }

        return at;
    }

    private static string JsonLines(int count, string idPrefix = "f")
    {
        var lines = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            lines.Append(JsonSerializer.Serialize(new
            {
                id = $"{idPrefix}-{i:D3}",
                title = $"خبر رقم {i}",
                body = Bodies[i % Bodies.Length],
                category = i % 2 == 0 ? "economy" : "sport",
                source = "fuzz-wire",
                date = "2025-03-01T10:00:00Z",
            })).Append('\n');
        }

        return lines.ToString();
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private static string IdOf(string line) => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!;
}
