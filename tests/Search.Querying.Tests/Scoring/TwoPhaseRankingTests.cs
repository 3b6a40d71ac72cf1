using System.IO.Compression;
using System.Text;
using Search.Querying.Ranking;
using Search.Querying.Tests.Support;

namespace Search.Querying.Tests.Scoring;

/// <summary>
/// #17: two-phase ranking (counting and a plain first phase, then the full ranking of the best candidates) finds the
/// same matches, totals and facets as the single query, and scores the candidates exactly as the single query does.
/// </summary>
public sealed class TwoPhaseRankingTests(TwoPhaseRankingTests.SharedCorpusIndex shared) : IClassFixture<TwoPhaseRankingTests.SharedCorpusIndex>
{
    private const float Tolerance = 1e-5f;

    [Fact]
    public void RanksEveryMatchAsTheSingleQueryWhenTheDepthCoversThem()
    {
        var (one, two) = shared.Searchers(depth: SearchLimits.MaxResultWindow);

        var compared = 0;
        foreach (var request in shared.Requests())
        {
            var expected = one.Search(request with { Size = 20 });
            var actual = two.Search(request with { Size = 20 });

            AssertSamePage(expected, actual, request.Query!);
            compared += expected.Hits.Count;
        }

        Assert.True(compared > 1_500, $"only {compared} hits were compared");
    }

    [Fact]
    public void KeepsTotalsAndFacetsAndScoresItsCandidatesFullyAtTheShippedDepth()
    {
        var (one, two) = shared.Searchers(depth: RankingWeights.Default.RescoreDepth);

        foreach (var request in shared.Requests())
        {
            var expected = one.Search(request with { Size = 100 });
            var actual = two.Search(request);

            Assert.Equal(expected.Total, actual.Total);
            Assert.Equivalent(expected.Facets, actual.Facets, strict: true);

            // Every hit shown is a candidate, ranked by its full score: the score the single query gives it.
            var full = one.Search(request with { Size = 100, Page = 1 }).Hits.ToDictionary(hit => hit.Id, hit => hit.Score);
            foreach (var hit in actual.Hits.Where(hit => full.ContainsKey(hit.Id)))
            {
                Assert.Equal(full[hit.Id], hit.Score, Tolerance * Math.Max(1f, hit.Score));
            }

            Assert.True(request.Sort == SearchSort.Date || actual.Hits.Zip(actual.Hits.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score - Tolerance),
                $"{request.Query}: hits out of score order");
        }
    }

    [Fact]
    public void PagesBelowTheDepthNeitherRepeatNorSkipAnArticle()
    {
        var (one, _) = shared.Searchers(depth: 0);
        var (_, shallow) = shared.Searchers(depth: 7);

        foreach (var request in shared.Requests().Where(r => r.Sort == SearchSort.Relevance).Take(40))
        {
            var pages = Enumerable.Range(1, 4).SelectMany(page => shallow.Search(request with { Page = page, Size = 5 }).Hits).Select(hit => hit.Id).ToList();
            var total = one.Search(request).Total;

            Assert.Equal(pages.Count, pages.Distinct().Count());
            Assert.Equal(Math.Min(total, 20), pages.Count);
        }
    }

    private static void AssertSamePage(SearchPage expected, SearchPage actual, string query)
    {
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equivalent(expected.Facets, actual.Facets, strict: true);
        Assert.Equal(expected.Hits.Count, actual.Hits.Count);
        var boundary = expected.Hits.Count > 0 ? expected.Hits[^1].Score : 0f;
        for (var i = 0; i < expected.Hits.Count; i++)
        {
            var (e, a) = (expected.Hits[i], actual.Hits[i]);
            Assert.True(Math.Abs(e.Score - a.Score) <= Tolerance * Math.Max(1f, e.Score), $"{query}: rank {i + 1} scores {e.Score} and {a.Score}");

            // Ties may fall either way by the last bit of a float; anything clearly above the page's last score must match.
            if (e.Id != a.Id)
            {
                Assert.True(Math.Abs(e.Score - a.Score) <= Tolerance * Math.Max(1f, e.Score) && expected.Hits.Any(h => h.Id == a.Id) || Math.Abs(a.Score - boundary) <= Tolerance * Math.Max(1f, boundary),
                    $"{query}: rank {i + 1} is {a.Id} instead of {e.Id}");
            }
        }
    }

    /// <summary>An index of the shared corpus's first articles (or, without ../shared beside the checkout, the sample corpus), with requests over it.</summary>
    public sealed class SharedCorpusIndex : IDisposable
    {
        private readonly TempDirectory _root = new();
        private readonly List<NewsSearcher> _searchers = [];

        public SharedCorpusIndex()
        {
            var corpus = Path.Combine(TestIndex.RepositoryRoot(), "..", "shared", "corpus", "news-full.jsonl.gz");
            Articles = File.Exists(corpus)
                ? ReadGzip(corpus, 3_000)
                : TestIndex.Load(Path.Combine(TestIndex.RepositoryRoot(), "index-data", "sample", "articles.jsonl"));
            TestIndex.CreateGeneration(_root.Path, Articles);
        }

        public IReadOnlyList<Search.Core.Schema.NewsArticle> Articles { get; }

        public (NewsSearcher One, NewsSearcher Two) Searchers(int depth)
        {
            var one = Open(RankingWeights.Default with { Name = "one-phase", RescoreDepth = 0 });
            var two = Open(RankingWeights.Default with { Name = $"depth-{depth}", RescoreDepth = depth });
            return (one, two);
        }

        /// <summary>Headline words (two to eight), some with an exclusion, an OR, a category or date filter, newest first or a recency boost.</summary>
        public IEnumerable<SearchRequest> Requests()
        {
            var titled = Articles.Where(a => a.Title is { Length: > 0 }).ToList();
            var step = Math.Max(1, titled.Count / 120);
            for (var i = 0; i < titled.Count; i += step)
            {
                var words = titled[i].Title!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var text = string.Join(' ', words.Take(2 + (i % 7)));
                var request = new SearchRequest(text) { Correct = false };
                yield return (i / step % 6) switch
                {
                    1 => request with { Query = $"{text} -{words[^1]}" },
                    2 => request with { Query = $"{words[0]} OR {titled[(i + 1) % titled.Count].Title!.Split(' ')[0]} {string.Join(' ', words.Skip(1).Take(3))}" },
                    3 => request with { Categories = [titled[i].Category ?? "none"] },
                    4 => request with { RecencyHalfLifeDays = 30, From = DateTimeOffset.Parse("2017-01-01", System.Globalization.CultureInfo.InvariantCulture) },
                    5 => request with { Sort = SearchSort.Date },
                    _ => request,
                };
            }
        }

        public void Dispose()
        {
            foreach (var searcher in _searchers)
            {
                searcher.Dispose();
            }

            _root.Dispose();
        }

        private NewsSearcher Open(RankingWeights weights)
        {
            var searcher = new NewsSearcher(new NewsSearcherOptions(_root.Path, Timeout.InfiniteTimeSpan, weights) { ResultCacheEntries = 0 });
            _searchers.Add(searcher);
            return searcher;
        }

        private static IReadOnlyList<Search.Core.Schema.NewsArticle> ReadGzip(string path, int count)
        {
            using var file = File.OpenRead(path);
            using var reader = new StreamReader(new GZipStream(file, CompressionMode.Decompress), Encoding.UTF8);
            var lines = new List<string>(count);
            while (lines.Count < count && reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }

            return TestIndex.Parse(lines);
        }
    }
}
