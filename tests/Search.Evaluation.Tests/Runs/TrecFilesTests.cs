using Search.Evaluation.Qrels;
using Search.Evaluation.Runs;
using Search.Evaluation.Topics;

namespace Search.Evaluation.Tests.Runs;

public sealed class TrecFilesTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void RunSurvivesWriteAndRead()
    {
        var path = Path.Combine(_files.Root, "a.run");
        using (var writer = new StreamWriter(path))
        {
            var runWriter = new TrecRunWriter(writer, "default");
            runWriter.WriteQuery("q1", [("d2", 3.5), ("d1", 1.25)]);
            runWriter.WriteQuery("q2", [("d3", 2.0)]);
        }

        var read = TrecRunReader.Read(path);

        Assert.Empty(read.Errors);
        Assert.Equal("default", read.Value.Name);
        Assert.Equal("q1 Q0 d2 1 3.500000 default", File.ReadLines(path).First());
        Assert.Equal(
            [("q1", "d2", 1, 3.5), ("q1", "d1", 2, 1.25), ("q2", "d3", 1, 2.0)],
            read.Value.All().Select(e => (e.QueryId, e.DocId, e.Rank, e.Score)));
    }

    [Fact]
    public void WriterKeepsTheEnginesOrderOfTiedScores()
    {
        // The engine ranked z before a at the same score; trec_eval would put z first anyway (docid descending),
        // but a before z would be swapped: the writer nudges the second score down so the file keeps the user's order.
        var path = Path.Combine(_files.Root, "tie.run");
        using (var writer = new StreamWriter(path))
        {
            new TrecRunWriter(writer, "t").WriteQuery("q", [("a", 1.0), ("z", 1.0)]);
        }

        var run = TrecRunReader.Read(path).Value;

        Assert.Equal(["a", "z"], run.Ranked("q").Select(e => e.DocId));
    }

    [Fact]
    public void QrelsSurviveWriteAndRead()
    {
        var qrels = new QrelSet([new Qrel("q2", "d1", 0), new Qrel("q1", "d7", 2), new Qrel("q1", "d3", 1)]);
        var path = Path.Combine(_files.Root, "qrels.txt");
        using (var writer = new StreamWriter(path))
        {
            QrelsWriter.Write(writer, qrels);
        }

        var read = QrelsReader.Read(path);

        Assert.Empty(read.Errors);
        Assert.Equal(["q1 0 d3 1", "q1 0 d7 2", "q2 0 d1 0"], File.ReadAllLines(path));
        Assert.Equal(qrels.All(), read.Value.All());
    }

    [Fact]
    public void ReportsMalformedRunLinesAsPathLine()
    {
        var path = _files.Write("bad.run", string.Join('\n',
            "q1 Q0 d1 1 2.5 t",
            "q1 Q0 d2 2 t",
            "q1 Q0 d3 x 1.0 t",
            string.Empty,
            "q1 Q0 d4 4 abc t",
            "q1 Q0 d1 5 0.5 t",
            "q2 Q0 d9 1 1.0 t"));

        var read = TrecRunReader.Read(path);

        Assert.Equal(
            [
                $"{path}:2: expected 6 columns (qid Q0 docid rank score tag), found 5",
                $"{path}:3: rank \"x\" is not an integer",
                $"{path}:5: score \"abc\" is not a number",
                $"{path}:6: document d1 appears twice for query q1",
            ],
            read.Errors.Select(e => e.ToString()));
        Assert.Equal(2, read.Value.All().Count());
    }

    [Fact]
    public void ReportsMalformedQrelsLinesAsPathLine()
    {
        var path = _files.Write("bad-qrels.txt", "q1 0 d1 1\nq1 0 d2\nq1 0 d3 high\nq1 0 d4 2\n");

        var read = QrelsReader.Read(path);

        Assert.Equal(
            [$"{path}:2: expected 4 columns (qid iter docid grade), found 3", $"{path}:3: grade \"high\" is not an integer"],
            read.Errors.Select(e => e.ToString()));
        Assert.Equal(2, read.Value.For("q1").Count);
    }

    [Fact]
    public void ReadsTopicsAndReportsBadLines()
    {
        var path = _files.Write("topics.tsv", "q1\tأسعار النفط\nno tab here\nq2\t  \nq1\tمكرر\n\tنص\nq3\tكأس العالم\n");

        var read = TopicReader.Read(path);

        Assert.Equal([new Topic("q1", "أسعار النفط"), new Topic("q3", "كأس العالم")], read.Value);
        Assert.Equal(
            [
                $"{path}:2: expected <qid><TAB><text>",
                $"{path}:3: query q2 has no text",
                $"{path}:4: query q1 appears twice",
                $"{path}:5: empty query id",
            ],
            read.Errors.Select(e => e.ToString()));
    }
}
