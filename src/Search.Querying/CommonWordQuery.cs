using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Schema;

namespace Search.Querying;

/// <summary>
/// One wanted word of a query with several: as parsed (every field) when it is an ordinary word; scored on the stemmed
/// body alone when it is found in at least <see cref="CommonWords.Share"/> of the articles and another word of the query is not.
/// </summary>
/// <remarks>
/// #6: على ("on") stays indexed because it folds to the name علي (the analysis chain's kept names), and it is in nine
/// articles of ten. Scored on seven fields, it made every query that contains it walk a disjunction of seven postings
/// lists over 37,000 articles: the slowest tenth of searches. Its weight in any article is small (its IDF is about a
/// twentieth of an ordinary word's or less), so scoring it on the stemmed body alone keeps it as a match and a light tie-breaker
/// at a seventh of the cost. Whether a word is common is decided at rewrite time against the reader being searched (the
/// most frequent of its stacked forms, on the stemmed body), so it follows the corpus; a word typed alone, a phrase and
/// the words of an OR are left as parsed. Measured on the full news corpus (bench query mix, best of three per query):
/// p95 6.4–6.5 → 5.2 ms, p99 9.8–10.1 → 7.0 ms; the relevance sets: news-headlines nDCG@10 −0.1% (2 wins, 3 losses,
/// p = 0.25), quran-qa +0.3% (p = 0.13), tydiqa-ar unchanged.
/// </remarks>
internal sealed class CommonWordQuery : Query
{
    private readonly Query _parsed;
    private readonly CommonWords _query;
    private readonly int _index;
    private readonly float _bodyBoost;

    public CommonWordQuery(Query parsed, CommonWords query, int index, float bodyBoost)
    {
        _parsed = parsed;
        _query = query;
        _index = index;
        _bodyBoost = bodyBoost;
    }

    public override Query Rewrite(IndexReader reader)
    {
        var rewritten = _query.IsCommonBesideRare(reader, _index) && _query.Forms(_index) is { } forms
            ? BodyQuery(forms, _bodyBoost)
            : _parsed;

        if (Boost != 1f)
        {
            rewritten = (Query)rewritten.Clone();
            rewritten.Boost *= Boost;
        }

        return rewritten;
    }

    /// <summary>A common word's query: its stemmed body forms (the best one counts), boosted by the body's weight.</summary>
    public static Query BodyQuery(IReadOnlyList<string> forms, float bodyBoost)
    {
        Query query;
        if (forms.Count == 1)
        {
            query = new TermQuery(new Term(NewsFields.Body, forms[0]));
        }
        else
        {
            var any = new DisjunctionMaxQuery(0f);
            foreach (var form in forms)
            {
                any.Add(new TermQuery(new Term(NewsFields.Body, form)));
            }

            query = any;
        }

        query.Boost = bodyBoost;
        return query;
    }

    public override void ExtractTerms(ISet<Term> terms) => _parsed.ExtractTerms(terms);

    public override string ToString(string field) => _parsed.ToString(field);

    public override bool Equals(object? obj) =>
        obj is CommonWordQuery other && other._index == _index && Boost.Equals(other.Boost) && _parsed.Equals(other._parsed);

    public override int GetHashCode() => HashCode.Combine(_parsed, _index, Boost);
}

/// <summary>The wanted words of one query and, per index reader, which of them are common (shared by its <see cref="CommonWordQuery"/>s).</summary>
internal sealed class CommonWords(IReadOnlyList<IReadOnlyList<string>?> forms)
{
    /// <summary>The share of the index's articles at which a word is common.</summary>
    public const double Share = 0.5;

    private volatile State? _last;

    /// <summary>The stemmed body forms of word <paramref name="index"/> (null: a phrase or an OR group, never common).</summary>
    public IReadOnlyList<string>? Forms(int index) => forms[index];

    public bool IsCommonBesideRare(IndexReader reader, int index)
    {
        var state = _last is { } last && ReferenceEquals(last.Reader, reader) ? last : Compute(reader);
        return state.AnyRare && state.Common[index];
    }

    private State Compute(IndexReader reader)
    {
        var threshold = (long)Math.Ceiling(Share * reader.MaxDoc);
        var common = forms
            .Select(word => reader.MaxDoc > 0 && word is not null && word.Max(form => reader.DocFreq(new Term(NewsFields.Body, form))) >= threshold)
            .ToArray();
        var state = new State(reader, common, common.Any(c => !c));
        _last = state;
        return state;
    }

    private sealed record State(IndexReader Reader, bool[] Common, bool AnyRare);
}
