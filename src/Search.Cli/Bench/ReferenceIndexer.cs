using Lucene.Net.Analysis.Ar;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Schema;
using Search.Indexing.Corpus;

namespace Search.Cli.Bench;

/// <summary>
/// The reference every indexing figure is divided by: the plain loop anyone would write first. One thread reads the
/// files and calls <see cref="IndexWriter.AddDocument(IEnumerable{IIndexableField})"/> per article, with the stock
/// <see cref="ArabicAnalyzer"/> on title and body and Lucene's default writer settings.
/// </summary>
internal static class ReferenceIndexer
{
    /// <summary>Indexes <paramref name="files"/> into a new index at <paramref name="path"/>; returns the article count.</summary>
    public static int Run(IReadOnlyList<string> files, string path)
    {
        using var directory = FSDirectory.Open(path);
        using var analyzer = new ArabicAnalyzer(IndexVersion.Lucene);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(IndexVersion.Lucene, analyzer) { OpenMode = OpenMode.CREATE });
        var count = 0;
        foreach (var file in files)
        {
            foreach (var item in CorpusFiles.CreateReader(file)!.Read())
            {
                if (item is not CorpusRecord { Article: var article })
                {
                    continue;
                }

                writer.AddDocument(new Document
                {
                    new StringField("id", article.Id, Field.Store.YES),
                    new TextField("title", article.Title ?? string.Empty, Field.Store.YES),
                    new TextField("body", article.Body, Field.Store.YES),
                });
                count++;
            }
        }

        writer.Commit();
        return count;
    }
}
