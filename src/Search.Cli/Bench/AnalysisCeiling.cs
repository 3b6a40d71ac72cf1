using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Analysis;
using Search.Core.Schema;

namespace Search.Cli.Bench;

/// <summary>
/// The ceiling for indexing: the same analysis that indexing does (every analyzed field the mapper writes for every
/// article, with the default profile), on all cores, with nothing written. Indexing cannot beat it; how close it gets
/// is the measure of the pipeline around it.
/// </summary>
internal static class AnalysisCeiling
{
    /// <summary>Analyzes every article on all cores; returns the token count.</summary>
    public static long Run(IReadOnlyList<Search.Core.Schema.NewsArticle> articles)
    {
        long tokens = 0;
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, articles.Count, 256),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => (Analyzer: NewsAnalyzerFactory.Create(), Count: 0L),
            (range, _, local) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    // Exactly the analyzed fields indexing writes for this article, whatever the schema adds, each
                    // through the stream indexing asks it for (a SharedTextField tokenizes its text once for all its fields).
                    foreach (var field in NewsDocumentMapper.ToDocument(articles[i]).Fields)
                    {
                        if (field.IndexableFieldType.IsIndexed && field.IndexableFieldType.IsTokenized && field.NumericType == Lucene.Net.Documents.NumericFieldType.NONE)
                        {
                            local.Count += Count(field.GetTokenStream(local.Analyzer));
                        }
                    }
                }

                return local;
            },
            local =>
            {
                Interlocked.Add(ref tokens, local.Count);
                local.Analyzer.Dispose();
            });
        return tokens;
    }

    private static long Count(Lucene.Net.Analysis.TokenStream tokens)
    {
        using var stream = tokens;
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        long count = 0;
        while (stream.IncrementToken())
        {
            count += term.Length > 0 ? 1 : 0;
        }

        stream.End();
        return count;
    }
}
