using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Schema;
using Search.Core.Storage;
using Search.Querying.Spelling;
using Search.Querying.Tests.Support;

namespace Search.Querying.Tests.Spelling;

public sealed class LanguageModelTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private static ulong H(string word) => TermHash.Of(NewsAnalyzerFactory.NormalizeWord(word));

    private LanguageModel Build(params NewsArticle[] articles)
    {
        var generation = TestIndex.CreateGeneration(_root.Path, articles);
        using var reader = DirectoryReader.Open(FSDirectory.Open(generation));
        return LanguageModelBuilder.Build(reader, SpellingAnalysis.Words);
    }

    [Fact]
    public void CountsAHeadlineWordFiveTimesABodyWord()
    {
        var model = Build(new NewsArticle("a", "الاقتصاد ينمو", Title: "الاقتصاد العالمي"));

        Assert.Equal(LanguageModel.HeadlineWeight + 1, model.Count(H("الاقتصاد")));
        Assert.Equal(LanguageModel.HeadlineWeight, model.Count(H("العالمي")));
        Assert.Equal(1, model.Count(H("ينمو")));
        Assert.Equal(0, model.Count(H("السياسة")));
    }

    [Fact]
    public void CountsPairsAcrossStopWordsAndNumbers()
    {
        // إلى is a stop word, kept as context; the number between مقتل and شخصا is skipped.
        var model = Build(
            new NewsArticle("a", "وصل الوفد إلى تونس أمس، ثم عاد إلى تونس", Title: "مقتل 20 شخصا في انفجار"),
            new NewsArticle("b", "سافر إلى تونس"));

        Assert.Equal(3, model.Count(H("إلى"), H("تونس")));
        Assert.Equal(LanguageModel.HeadlineWeight, model.Count(H("مقتل"), H("شخصا")));
        Assert.Equal(0, model.Count(H("مقتل"), H("20")));
        Assert.Equal(0, model.Count(H("تونس"), H("مقتل"))); // a body and a headline are two texts
    }

    [Fact]
    public void DropsBodyPairsSeenOnce()
    {
        var model = Build(new NewsArticle("a", "ارتفع سعر النفط، وارتفع سعر الذهب، وارتفع سعر القمح"));

        Assert.Equal(2, model.Count(H("وارتفع"), H("سعر")));
        Assert.Equal(0, model.Count(H("ارتفع"), H("سعر")));
        Assert.Equal(0, model.Count(H("سعر"), H("النفط")));
        Assert.Equal(1, model.Count(H("النفط")));
    }

    [Fact]
    public void LeavesDeletedArticlesOut()
    {
        var generation = TestIndex.CreateGeneration(_root.Path, [new NewsArticle("a", "زلزال قوي"), new NewsArticle("b", "زلزال مدمر")]);
        using (var directory = FSDirectory.Open(generation))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(IndexVersion.Lucene, NewsAnalyzerFactory.Create()) { Codec = NewsCodec.Instance }))
        {
            writer.DeleteDocuments(NewsDocumentMapper.IdTerm("b"));
            writer.SetCommitData(Search.Core.Schema.IndexSchema.CommitData());
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(FSDirectory.Open(generation));
        var model = LanguageModelBuilder.Build(reader, SpellingAnalysis.Words);

        Assert.Equal(1, model.Count(H("زلزال")));
        Assert.Equal(0, model.Count(H("مدمر")));
    }

    [Fact]
    public void ScoresASeenPairByItsShareAndBacksOffForAnUnseenOne()
    {
        // كأس is followed by العالم in 2 of its 3 headlines; العلم follows it in none.
        var model = Build(
            new NewsArticle("a", "نص", Title: "كأس العالم"),
            new NewsArticle("b", "نص", Title: "كأس العالم"),
            new NewsArticle("c", "نص", Title: "كأس أوروبا"),
            new NewsArticle("d", "رفع العلم"));

        Assert.Equal(Math.Log(10.0 / 15), model.LogNext(H("كأس"), H("العالم")), 6);
        Assert.Equal(Math.Log(LanguageModel.Backoff) + model.LogStart(H("العلم")), model.LogNext(H("كأس"), H("العلم")), 6);
        Assert.Equal(Math.Log(1 + 0.1) - Math.Log(model.Total), model.LogStart(H("العلم")), 6);
        Assert.True(model.LogStart(H("غائب")) < model.LogStart(H("العلم")));
    }
}
