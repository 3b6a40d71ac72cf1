using Search.Evaluation.Qrels;
using Search.Evaluation.Topics;

namespace Search.Evaluation.Tests.Runs;

public sealed class UploadReadingTests
{
    [Fact]
    public void ReadsTopicsFromTextAndRejectsWhatTheCheckRefuses()
    {
        using var reader = new StringReader("a1\tالنفط\nno tab here\nbad id\tنص\na2\tالذهب\n");

        var read = TopicReader.Read(reader, "upload", topic => topic.Id.Contains(' ') ? "id has a space" : null);

        Assert.Equal([new Topic("a1", "النفط"), new Topic("a2", "الذهب")], read.Value);
        Assert.Equal(["upload:2: expected <qid><TAB><text>", "upload:3: id has a space"], read.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ReadsQrelsFromTextAndRejectsWhatTheCheckRefuses()
    {
        using var reader = new StringReader("q1 0 d1 2\nq1 0 d2 7\nq1 0 d3\nq2 0 d1 x\nq2 0 d4 0\n");

        var read = QrelsReader.Read(reader, "qrels", qrel => qrel.Grade > 3 ? "grade above 3" : null);

        Assert.Equal([new Qrel("q1", "d1", 2), new Qrel("q2", "d4", 0)], read.Value.All());
        Assert.Equal(
            ["qrels:2: grade above 3", "qrels:3: expected 4 columns (qid iter docid grade), found 3", "qrels:4: grade \"x\" is not an integer"],
            read.Errors.Select(e => e.ToString()));
    }
}
