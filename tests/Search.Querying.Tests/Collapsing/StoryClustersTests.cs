namespace Search.Querying.Tests.Collapsing;

public sealed class StoryClustersTests
{
    // stories.jsonl: a1-a5 one story (exact copy, new first line at another outlet, respelled, dateline on top), b1-b2
    // one story at two outlets, c2 is c1's outlet's new lead over c1's text (a new story), d1 alone.
    private static readonly string[] Expected = ["a1 a2 a3 a4 a5", "b1 b2"];

    [Fact]
    public void GroupsExactAndNearCopiesAndKeepsOtherStoriesApart()
    {
        using var index = new StoryIndex();

        var clusters = index.Clusters();

        Assert.Equal(Expected, clusters);
    }

    [Fact]
    public void GivesTheSameClustersWhateverOrderAndSegmentsTheArticlesCameIn()
    {
        using var forward = new StoryIndex(StoryIndex.Stories, perCommit: 3);
        using var backward = new StoryIndex(StoryIndex.Stories.Reverse(), perCommit: 2);

        Assert.Equal(Expected, forward.Clusters());
        Assert.Equal(Expected, backward.Clusters());
    }

    [Fact]
    public void DropsADeletedCopyAndKeepsTheRestTogether()
    {
        using var index = new StoryIndex();

        index.Delete("a1", "b2");

        Assert.Equal(["a2 a3 a4 a5"], index.Clusters());
    }

    [Fact]
    public void MovesAnUpdatedArticleToItsNewStory()
    {
        using var index = new StoryIndex();
        var gold = StoryIndex.Stories.Single(article => article.Id == "b1");
        var a5 = StoryIndex.Stories.Single(article => article.Id == "a5");

        index.Upsert(a5 with { Body = gold.Body });

        Assert.Equal(["a1 a2 a3 a4", "a5 b1 b2"], index.Clusters());
    }
}
