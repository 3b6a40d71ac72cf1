using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Schema;

namespace Search.Querying.Variants;

/// <summary>
/// What a search for one spelling finds of the articles that use another (#18): for a name in two spellings, the share
/// of the articles using either that each search finds; for two different words, whether a search for one starts
/// finding articles that use only the other.
/// </summary>
/// <remarks>
/// An article uses a spelling when its headline or body holds it as a word (normalized, exact fields), alone or behind
/// one proclitic letter (وبوتين). A search is the served parser's query (name variants applied), counted over every
/// article, without filters; <see cref="Measure"/> also runs it without variants, to tell what the groups changed.
/// </remarks>
public static class VariantCoverage
{
    private const string Proclitics = "وفبلك";

    /// <summary>The figures of <paramref name="first"/> and <paramref name="second"/> on the index <paramref name="searcher"/> serves.</summary>
    /// <exception cref="IndexUnavailableException">No usable index is open.</exception>
    public static VariantPairFigures Measure(NewsSearcher searcher, string first, string second)
    {
        var plain = new NewsQueryParser(searcher.Parser.Weights);
        using var lease = searcher.Acquire();
        var index = lease.Searcher;
        var usesFirst = Collect(index, Uses(first));
        var usesSecond = Collect(index, Uses(second));
        var either = Or(usesFirst, usesSecond);
        var onlyFirst = AndNot(usesFirst, usesSecond);
        var onlySecond = AndNot(usesSecond, usesFirst);
        var foundByFirst = Collect(index, searcher.Parser.Parse(first).Query);
        var foundBySecond = Collect(index, searcher.Parser.Parse(second).Query);
        var plainFirst = Collect(index, plain.Parse(first).Query);
        var plainSecond = Collect(index, plain.Parse(second).Query);
        return new VariantPairFigures(
            first,
            second,
            (int)usesFirst.Cardinality,
            (int)usesSecond.Cardinality,
            (int)either.Cardinality,
            Share(foundByFirst, either),
            Share(foundBySecond, either),
            Share(foundByFirst, onlySecond),
            Share(foundBySecond, onlyFirst),
            Share(plainFirst, onlySecond),
            Share(plainSecond, onlyFirst));
    }

    // The spelling as a word of the headline or body, alone or behind a proclitic letter.
    private static Query Uses(string spelling)
    {
        var query = new BooleanQuery(disableCoord: true);
        if (VariantsFile.Key(spelling) is not { } key)
        {
            return query;
        }

        foreach (var form in Proclitics.Select(p => p + key).Prepend(key))
        {
            query.Add(new TermQuery(new Term(NewsFields.TitleExact, form)), Occur.SHOULD);
            query.Add(new TermQuery(new Term(NewsFields.BodyExact, form)), Occur.SHOULD);
        }

        return query;
    }

    private static FixedBitSet Collect(IndexSearcher searcher, Query query)
    {
        var collector = new DocSetCollector(searcher.IndexReader.MaxDoc);
        searcher.Search(query, collector);
        return collector.Docs;
    }

    private static FixedBitSet Or(FixedBitSet a, FixedBitSet b)
    {
        var result = a.Clone();
        result.Or(b);
        return result;
    }

    private static FixedBitSet AndNot(FixedBitSet a, FixedBitSet b)
    {
        var result = a.Clone();
        result.AndNot(b);
        return result;
    }

    // The share of `of` that `found` holds (1 when `of` is empty: nothing was missed).
    private static double Share(FixedBitSet found, FixedBitSet of)
    {
        var total = of.Cardinality;
        if (total == 0)
        {
            return 1;
        }

        var both = found.Clone();
        both.And(of);
        return (double)both.Cardinality / total;
    }

    private sealed class DocSetCollector(int maxDoc) : ICollector
    {
        private int _base;

        public FixedBitSet Docs { get; } = new(maxDoc);

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _base = context.DocBase;

        public void Collect(int doc) => Docs.Set(_base + doc);
    }
}
