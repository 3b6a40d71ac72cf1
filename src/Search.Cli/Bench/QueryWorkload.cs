using Search.Core.Schema;
using Search.Querying;

namespace Search.Cli.Bench;

/// <summary>
/// A fixed, reproducible set of search-box queries drawn from the corpus's own titles (seeded): 1 to 4 words,
/// quoted phrases, an exclusion, with and without category and date filters, sorted by relevance or date. Every
/// search computes facets and snippets, as /search does.
/// </summary>
internal static class QueryWorkload
{
    /// <summary>At least <paramref name="count"/> requests (more when the corpus is tiny: it repeats).</summary>
    public static IReadOnlyList<SearchRequest> Create(IReadOnlyList<NewsArticle> articles, int count, int seed = 2026)
    {
        var random = new Random(seed);
        var titled = articles.Where(a => a.Title is { Length: > 0 }).ToList();
        var requests = new List<SearchRequest>(count);
        while (requests.Count < count && titled.Count > 0)
        {
            var article = titled[random.Next(titled.Count)];
            var words = article.Title!.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(w => w.Length > 2).ToArray();
            if (words.Length == 0)
            {
                continue;
            }

            var take = Math.Min(words.Length, random.Next(1, 5));
            var start = random.Next(words.Length - take + 1);
            var text = string.Join(' ', words, start, take);
            text = random.Next(10) switch
            {
                0 when take >= 2 => $"\"{text}\"",
                1 when words.Length > take => $"{text} -{words[(start + take) % words.Length]}",
                _ => text,
            };
            var filtered = random.Next(4) == 0;
            requests.Add(new SearchRequest(
                text,
                Size: 10,
                Categories: filtered && article.Category is { } category ? [category] : null,
                From: random.Next(8) == 0 ? new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero) : null,
                Sort: random.Next(6) == 0 ? SearchSort.Date : SearchSort.Relevance));
        }

        return requests;
    }

    /// <summary>
    /// Headline-length queries: whole titles of articles drawn (seeded) from the corpus, as a reader pastes a headline
    /// (about eight words), ranked by relevance, with facets and snippets.
    /// </summary>
    public static IReadOnlyList<SearchRequest> Headlines(IReadOnlyList<NewsArticle> articles, int count, int seed = 2030)
    {
        var random = new Random(seed);
        var titled = articles.Where(a => a.Title is { Length: > 0 } && a.Title.Contains(' ')).ToList();
        var requests = new List<SearchRequest>(count);
        while (requests.Count < count && titled.Count > 0)
        {
            requests.Add(new SearchRequest(titled[random.Next(titled.Count)].Title!.Trim(), Size: 10));
        }

        return requests;
    }

    /// <summary>
    /// What a reader types before choosing: prefixes (2 to 8 characters) of the words of the same titles, sometimes
    /// after a whole first word, as <c>/suggest</c> URLs.
    /// </summary>
    public static IReadOnlyList<string> SuggestUrls(IReadOnlyList<NewsArticle> articles, int count, int seed = 2027)
    {
        var random = new Random(seed);
        var titled = articles.Where(a => a.Title is { Length: > 0 }).ToList();
        var urls = new List<string>(count);
        while (urls.Count < count && titled.Count > 0)
        {
            var words = titled[random.Next(titled.Count)].Title!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var index = random.Next(words.Length);
            var word = words[index];
            var prefix = word[..Math.Min(word.Length, random.Next(2, 9))];
            var text = index > 0 && random.Next(3) == 0 ? $"{words[index - 1]} {prefix}" : prefix;
            urls.Add("/suggest?q=" + Uri.EscapeDataString(text));
        }

        return urls;
    }

    /// <summary>
    /// <paramref name="count"/> targets drawn (seeded) from the distinct <paramref name="urls"/> by a Zipf law of exponent
    /// <paramref name="exponent"/>: the URL of popularity rank r (its order of first appearance, itself seeded) is drawn
    /// with probability proportional to 1/r^s. With s = 1, as queries to a news site's search box roughly are, a few
    /// queries make a large share of the traffic and most appear once or never: what a result cache sees (#6).
    /// </summary>
    public static IReadOnlyList<string> Zipf(IReadOnlyList<string> urls, int count, int seed, double exponent = 1.0)
    {
        var distinct = urls.Distinct(StringComparer.Ordinal).ToArray();
        var cumulative = new double[distinct.Length];
        var total = 0.0;
        for (var rank = 0; rank < distinct.Length; rank++)
        {
            total += 1 / Math.Pow(rank + 1, exponent);
            cumulative[rank] = total;
        }

        var random = new Random(seed);
        var targets = new string[distinct.Length == 0 ? 0 : count];
        for (var i = 0; i < targets.Length; i++)
        {
            var drawn = Array.BinarySearch(cumulative, random.NextDouble() * total);
            targets[i] = distinct[Math.Min(drawn < 0 ? ~drawn : drawn, distinct.Length - 1)];
        }

        return targets;
    }

    /// <summary>The same requests as <c>/search</c> URLs.</summary>
    public static IReadOnlyList<string> AsUrls(IEnumerable<SearchRequest> requests) =>
        requests.Select(r =>
            "/search?q=" + Uri.EscapeDataString(r.Query ?? string.Empty)
            + string.Concat((r.Categories ?? []).Select(c => "&category=" + Uri.EscapeDataString(c)))
            + (r.From is null ? string.Empty : "&from=" + r.From.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            + (r.Sort == SearchSort.Date ? "&sort=date" : string.Empty))
        .ToList();
}
