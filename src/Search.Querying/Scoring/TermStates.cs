using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Querying.Scoring;

/// <summary>The terms-dictionary lookups of one search, shared by both phases: each term is looked up once per segment.</summary>
/// <remarks>
/// A term query looks its term up in every segment when its weight is made; the first phase and the rescoring search
/// many of the same terms (the stemmed title and body, the root field), so each lookup is kept here and handed to the
/// queries that need it (<see cref="TermQuery(Term, TermContext)"/>). With a <see cref="TermStateCache"/>, lookups are
/// also kept across the searches of one index reader.
/// </remarks>
internal sealed class TermStates(IndexReaderContext top, TermStateCache? shared = null)
{
    private readonly Dictionary<Term, TermContext> _states = [];
    private readonly Dictionary<(string Field, int Segment), TermsEnum?> _enums = [];

    /// <summary><paramref name="query"/> with its term queries (alone, as a word's stacked forms, or as clauses of a plain boolean query) bound to the shared lookups.</summary>
    public Query Bind(Query query)
    {
        switch (query)
        {
            case TermQuery term:
                return new TermQuery(term.Term, State(term.Term)) { Boost = term.Boost };
            case DisjunctionMaxQuery forms when forms.GetType() == typeof(DisjunctionMaxQuery):
                var bound = new DisjunctionMaxQuery(forms.TieBreakerMultiplier) { Boost = forms.Boost };
                foreach (var form in forms.Disjuncts)
                {
                    bound.Add(Bind(form));
                }

                return bound;
            case BooleanQuery boolean when boolean.GetType() == typeof(BooleanQuery):
                var clauses = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                foreach (var clause in boolean.Clauses)
                {
                    clauses.Add(Bind(clause.Query), clause.Occur);
                }

                return clauses;
            default:
                return query;
        }
    }

    /// <summary>
    /// One terms enum per field and segment for the search, positioned on a term by its state (no dictionary walk) before
    /// its postings are read: a postings enum, once made, does not depend on it. Null where the field has no terms.
    /// </summary>
    public TermsEnum? Terms(AtomicReaderContext context, string field)
    {
        if (!_enums.TryGetValue((field, context.Ord), out var terms))
        {
            _enums[(field, context.Ord)] = terms = context.AtomicReader.GetTerms(field)?.GetEnumerator();
        }

        return terms;
    }

    /// <summary>The lookup of <paramref name="term"/> in every segment, made once per search.</summary>
    public TermContext State(Term term)
    {
        if (!_states.TryGetValue(term, out var state))
        {
            _states[term] = state = shared?.Get(top, term) ?? TermContext.Build(top, term);
        }

        return state;
    }
}
