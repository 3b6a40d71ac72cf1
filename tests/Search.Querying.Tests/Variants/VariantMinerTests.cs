using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Schema;
using Search.Querying.Tests.Support;
using Search.Querying.Variants;

namespace Search.Querying.Tests.Variants;

/// <summary>The miner on names.jsonl (two spellings of Trump and of Putin, and pairs that are two words) and on words built to look alike.</summary>
public sealed class VariantMinerTests : IClassFixture<VariantMinerTests.Index>
{
    private static readonly VariantMinerOptions Small = new(MinArticles: 2);

    private readonly IndexReader _reader;

    public VariantMinerTests(Index index)
    {
        _reader = index.Reader;
    }

    [Fact]
    public void ProposesSpellingsOfOneNameUsedInTheSameContexts()
    {
        var (proposals, _) = VariantMiner.Propose(_reader, Small);

        Assert.Equal([["ترامب", "ترمب"], ["بوتين", "بوتن"]], proposals.Select(p => p.Spellings.ToArray()).OrderBy(s => s[0], StringComparer.Ordinal).Reverse());
        var trump = proposals.Single(p => p.Spellings.Contains("ترمب")).Pairs.Single();
        Assert.Equal("ترمب", trump.FirstSkeleton);
        Assert.True(trump.Similarity >= Small.MinSimilarity);
        Assert.Equal(1.0, trump.SourceSeparation, 3); // one source writes ترامب, the other ترمب
        Assert.StartsWith("ترامب ترمب  # ترامب/ترمب: skeleton ترمب; articles ", proposals.Single(p => p.Spellings.Contains("ترمب")).ToLine(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ماكرون", "ماكين", "different consonant skeletons")] // two names
    [InlineData("مايكل", "ميشيل", "different consonant skeletons")]
    [InlineData("كيم", "كم", "'كيم' is shorter than 4 letters")] // a name and a word
    [InlineData("العالم", "الإعلام", "'العالم' has the article ال")] // two words of one skeleton
    [InlineData("الأمن", "اليمن", "'الامن' has the article ال")]
    [InlineData("يساهم", "يسهم", "'يساهم' conjugates as a verb")] // one verb, two forms
    [InlineData("حسابه", "حسابها", "'حسابه' is 'حساب' with the suffix ه")] // his, her
    [InlineData("موقع", "مواقع", "'موقع' takes the article or pronoun suffixes")] // singular, plural
    [InlineData("كارلوس", "كارلس", "used in different contexts")]
    [InlineData("ترامب", "ترومب", "'ترومب' is used in fewer than 2 articles")]
    public void RefusesWordsThatAreNotOneNameAndSaysWhy(string first, string second, string reason)
    {
        var evidence = VariantMiner.Explain(_reader, first, second, Small);

        Assert.False(evidence.Proposed);
        Assert.Contains(reason, evidence.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void NeverProposesTheRefusedPairs()
    {
        var (proposals, examined) = VariantMiner.Propose(_reader, Small);

        var proposed = proposals.SelectMany(p => p.Spellings).ToHashSet();
        Assert.DoesNotContain("ماكين", proposed);
        Assert.DoesNotContain("كم", proposed);
        Assert.DoesNotContain("الاعلام", proposed);
        Assert.DoesNotContain("اليمن", proposed);
        Assert.DoesNotContain("ميشيل", proposed);
        Assert.DoesNotContain("يسهم", proposed);
        Assert.DoesNotContain("حسابها", proposed);
        Assert.DoesNotContain("مواقع", proposed);
        Assert.DoesNotContain("كارلس", proposed);
        Assert.Contains(examined, e => new[] { e.First, e.Second }.Order(StringComparer.Ordinal).SequenceEqual(["كارلس", "كارلوس"])
            && e.Refusal!.Contains("contexts", StringComparison.Ordinal));
    }

    /// <summary>names.jsonl and, twice over, words built to share a skeleton without being one name.</summary>
    public sealed class Index : IDisposable
    {
        private readonly TempDirectory _root = new();

        public Index()
        {
            var articles = TestIndex.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "searchbox", "names.jsonl")).ToList();
            void Add(string body) => articles.Add(new NewsArticle($"m{articles.Count}", body, Title: "خبر", Source: articles.Count % 2 == 0 ? "sky" : "jazeera"));
            for (var i = 0; i < 3; i++)
            {
                Add("قال الوزير إن البرنامج يساهم في التنمية وإن الدعم يسهم في التنمية");
                Add("المشروع تساهم فيه الدولة، وقد ساهم فيه الجميع");
                Add("فتح حسابه في البنك وأغلقت حسابها في البنك، ولكل حساب رقم");
                Add("زار موقع الشركة ومواقع أخرى، وتحدث عن الموقع الجديد");
                Add("وصل كارلوس غصن إلى بيروت");
                Add("قدم كارلس بويغديمونت استقالته");
            }

            var generation = TestIndex.CreateGeneration(_root.Path, articles);
            Reader = DirectoryReader.Open(FSDirectory.Open(generation));
        }

        public IndexReader Reader { get; }

        public void Dispose()
        {
            Reader.Dispose();
            _root.Dispose();
        }
    }
}
