using System.Diagnostics;
using System.Net;
using System.Text;
using Search.Api.Tests.Support;

namespace Search.Api.Tests;

/// <summary>
/// Generated hostile requests (#7): whatever a client sends, the answer is a 2xx or a 4xx problem, never a 5xx, and
/// it comes within a bounded time: no query may expand into an unbounded amount of work.
/// </summary>
public sealed class HostileInputTests(TinyApiFixture api) : IClassFixture<TinyApiFixture>
{
    private const int Requests = 10_000;

    // Generous on purpose: this bounds runaway expansion (seconds to minutes), not speed, which benchmarks measure.
    private static readonly TimeSpan SlowestAllowed = TimeSpan.FromSeconds(5);

    private static readonly string[] Fragments =
    [
        "\"", "\"\"", "(((", ")))", "(", ")", "[", "]", "{", "}", "-", "--", "+", "!", "OR", "AND", "NOT", "OR OR", "-OR",
        "*", "?", "**********", "??????????", "*ذهب", "?ذهب", "ذه*", "~", "~2", "^", "^10", ":", "title:", "body:ذهب",
        "\\", "/", "/ذهب/", "&&", "||", "%", "%%", "'", "`", ";", "<script>alert(1)</script>", "&amp;", "\u0000", "\u0001",
        "\u001f", "\u007f", "\t", "\r\n", "\u200e", "\u200f", "\u202b", "\u202e", "\u2066", "\u200c", "\u200d", "\ufeff",
        "😀", "👨‍👩‍👧", "\ud83d", "\udc00", "ذهب", "الذهب", "أسعار", "النفط", "الإسلام", "مكتبه", "٢٠٢٥", "۲۰۲۵", "2025",
        "ـــ", "ًٌٍَُِّْ", "Apple", "FIFA", "Ελλάδα", "中文", "עברית", "кириллица", "e\u0301", "ﷺ", "ﻻ", "ﷲ",
    ];

    private static readonly string[] Numbers =
    [
        "1", "2", "0", "-1", "-100", "100", "101", "10000", "99999999999", "2147483648", "-2147483649", "1e3", "1.5",
        "", " ", "abc", "٣", "0x10", "+5", "NaN",
    ];

    private static readonly string[] Dates =
    [
        "2025-01-01", "2025-13-45", "0001-01-01", "9999-12-31", "yesterday", "2025-01-01T00:00:00Z", "2025-01-01T25:00",
        "", "٢٠٢٥-٠١-٠١", "2025/01/01", "-1",
    ];

    private static readonly string[] Words = ["relevance", "date", "RELEVANCE", "", "oldest", "-1", "economy", "sport", "x"];

    [Fact]
    public async Task NoGeneratedRequestGetsAServerErrorOrTakesUnboundedTime()
    {
        var random = new Random(20261129);
        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        var slowestRequest = string.Empty;

        for (var i = 0; i < Requests && failures.Count < 20; i++)
        {
            var target = NextRequest(random);
            var started = Stopwatch.GetTimestamp();
            using var response = await api.Client.GetAsync(target, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);

            if ((int)response.StatusCode >= 500 || elapsed > SlowestAllowed)
            {
                failures.Add($"{(int)response.StatusCode} in {elapsed.TotalMilliseconds:F0} ms: {Truncate(target)} -> {Truncate(body)}");
            }

            if ((int)response.StatusCode >= 400 && !IsProblem(response))
            {
                failures.Add($"{(int)response.StatusCode} without a problem document: {Truncate(target)}");
            }

            if (elapsed > slowest)
            {
                (slowest, slowestRequest) = (elapsed, target);
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        TestContext.Current.SendDiagnosticMessage($"slowest of {Requests}: {slowest.TotalMilliseconds:F0} ms for {Truncate(slowestRequest)}");
    }

    [Theory]
    [InlineData("/search?q=%zz")] // invalid percent-encoding
    [InlineData("/search?q=%E0%A4%A")] // truncated UTF-8 sequence
    [InlineData("/search?q=%C0%AF")] // overlong encoding
    [InlineData("/search?q=%ED%A0%80")] // encoded lone surrogate
    [InlineData("/search?q=%00%00")]
    [InlineData("/search?q=a&q=b")] // repeated parameter
    [InlineData("/search?size=1&size=2")]
    [InlineData("/search?page=1&page=99999999999")]
    [InlineData("/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd")] // a path taken from the request is never opened
    [InlineData("/documents/..%5C..%5Cwindows")]
    [InlineData("/analyze?text=%F0%9F%98%80%E2%80%8D")]
    public async Task MalformedQueryStringsAreAnsweredWithoutServerErrors(string target)
    {
        using var response = await api.Client.GetAsync(new Uri(target, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {target}");
    }

    [Fact]
    public async Task TenThousandCharacterQueriesAreRefusedWithABadRequest()
    {
        var storms = new[] { new string('*', 10_000), new string('"', 10_000), string.Concat(Enumerable.Repeat("ذهب OR ", 1_500)) };

        foreach (var storm in storms)
        {
            using var response = await api.Client.GetAsync(
                "/search?q=" + Uri.EscapeDataString(storm), TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True(IsProblem(response));
        }
    }

    private static string NextRequest(Random random)
    {
        var query = new StringBuilder("/search?");
        query.Append("q=").Append(Escape(NextQueryText(random), random));
        if (random.Next(3) == 0)
        {
            query.Append("&page=").Append(Escape(Pick(random, Numbers), random));
        }

        if (random.Next(3) == 0)
        {
            query.Append("&size=").Append(Escape(Pick(random, Numbers), random));
        }

        if (random.Next(4) == 0)
        {
            query.Append("&category=").Append(Escape(random.Next(2) == 0 ? Pick(random, Words) : NextQueryText(random), random));
        }

        if (random.Next(6) == 0)
        {
            query.Append("&source=").Append(Escape(NextQueryText(random), random));
        }

        if (random.Next(5) == 0)
        {
            query.Append("&from=").Append(Escape(Pick(random, Dates), random));
        }

        if (random.Next(5) == 0)
        {
            query.Append("&to=").Append(Escape(Pick(random, Dates), random));
        }

        if (random.Next(4) == 0)
        {
            query.Append("&sort=").Append(Escape(Pick(random, Words), random));
        }

        if (random.Next(10) == 0)
        {
            query.Append("&q=").Append(Escape(NextQueryText(random), random)); // repeated parameter
        }

        return query.ToString();
    }

    private static string NextQueryText(Random random)
    {
        var text = new StringBuilder();
        var count = random.Next(1, 7);
        for (var i = 0; i < count; i++)
        {
            text.Append(Pick(random, Fragments));
            if (random.Next(3) != 0)
            {
                text.Append(' ');
            }
        }

        // Now and then a long one: over the 1,000-character limit, or just under it.
        return random.Next(50) switch
        {
            0 => string.Concat(Enumerable.Repeat(text.ToString(), 10_000 / Math.Max(1, text.Length) + 1))[..10_000],
            1 => string.Concat(Enumerable.Repeat(text.ToString(), 1_000 / Math.Max(1, text.Length) + 1))[..999],
            _ => text.ToString(),
        };
    }

    // Mostly proper escaping; sometimes raw or broken percent-encoding, as a hostile client sends it.
    private static string Escape(string value, Random random)
    {
        var escaped = Uri.EscapeDataString(value.Replace("\ud83d", "\ufffd", StringComparison.Ordinal)
            .Replace("\udc00", "\ufffd", StringComparison.Ordinal));
        return random.Next(12) switch
        {
            0 => escaped + "%",
            1 => escaped + "%G1",
            2 => "%E0%A4" + escaped,
            3 => escaped.Replace("%", "%25", StringComparison.Ordinal),
            _ => escaped,
        };
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static bool IsProblem(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
