using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Schema;
using Search.Querying.Parsing;

namespace Search.Querying.Scoring;

/// <summary>Turns a <see cref="QueryPlan"/> into Lucene queries: the full ranking as one query, or the cheap first phase of a two-phase search.</summary>
internal static class PlanQueries
{
    /// <summary>
    /// The full ranking as one query: per group its words (a <see cref="FieldsDisjunctionQuery"/> each: the best field plus
    /// the tie-breaker's share of the others), the groups summed (with coordination and minimum-should-match when
    /// configured, in a <see cref="WordsQuery"/>), the matched-word bonus, the proximity pairs and the exclusions.
    /// </summary>
    public static Query Full(QueryPlan plan)
    {
        var groups = plan.Groups.Select((group, g) => Alternatives(plan, group, g)).ToList();
        var top = new TopQuery();

        // Without coordination or a minimum, the groups go straight into the top query: the same scores (every other
        // clause needs a word), a flatter query.
        if (!plan.Coord && plan.Required <= 1)
        {
            foreach (var group in groups)
            {
                top.Add(group, Occur.SHOULD);
                AddBonus(top, plan, group);
            }
        }
        else
        {
            var words = new WordsQuery(disableCoord: !plan.Coord) { MinimumNumberShouldMatch = plan.Required };
            foreach (var group in groups)
            {
                words.Add(group, Occur.SHOULD);
            }

            top.Add(words, Occur.MUST);
            foreach (var group in groups)
            {
                AddBonus(top, plan, group);
            }
        }

        foreach (var pair in plan.Pairs)
        {
            top.Add(pair, Occur.SHOULD);
        }

        AddExclusions(top, plan);
        return top;
    }

    /// <summary>
    /// The first phase of a two-phase search: the same matches as <see cref="Full"/> from the fewest postings, scored
    /// plainly (the sum of the field weights' BM25), to find the candidates that <see cref="PlanRescorer"/> ranks fully.
    /// </summary>
    /// <remarks>
    /// A word's exact-form clause matches only where its stemmed twin does, and the lead is the start of the body, so
    /// those clauses are left out where the twin is searched: what remains (stemmed title and body, the root field)
    /// matches exactly the articles the full query matches. Without a minimum the clauses form one flat disjunction,
    /// which Lucene scores a window of documents at a time with no per-document heap.
    /// </remarks>
    public static Query FirstPhase(QueryPlan plan, IndexReader reader)
    {
        var groups = FirstPhaseGroups(plan, reader);
        var query = new BooleanQuery(disableCoord: true);
        foreach (var group in groups)
        {
            if (plan.Required <= 1)
            {
                foreach (var clause in group)
                {
                    query.Add(clause, Occur.SHOULD);
                }
            }
            else
            {
                var any = new BooleanQuery(disableCoord: true);
                foreach (var clause in group)
                {
                    any.Add(clause, Occur.SHOULD);
                }

                query.Add(any, Occur.SHOULD);
            }
        }

        if (plan.Required > 1)
        {
            query.MinimumNumberShouldMatch = plan.Required;
        }

        AddExclusions(query, plan);
        return query;
    }

    /// <summary>
    /// Per group, the clauses of the first phase (see <see cref="FirstPhase"/>): a group matches where one of them does,
    /// and their plain sum is the first phase's score. A word's stacked forms are separate term clauses.
    /// </summary>
    public static List<List<Query>> FirstPhaseGroups(QueryPlan plan, IndexReader reader)
    {
        var groups = new List<List<Query>>(plan.Groups.Count);
        for (var g = 0; g < plan.Groups.Count; g++)
        {
            var group = new List<Query>();

            // A common word beside a rare one matches, as the full query scores it, on the stemmed body alone.
            if (plan.Common is { } common && common.Forms(g) is { } forms && common.IsCommonBesideRare(reader, g))
            {
                AddTerms(group, CommonWordQuery.BodyQuery(forms, plan.BodyBoost));
            }
            else
            {
                foreach (var word in plan.Groups[g])
                {
                    AddMatchingClauses(group, word);
                }
            }

            groups.Add(group);
        }

        return groups;
    }

    /// <summary>The query of one word, as the full ranking scores it (see <see cref="PlanRescorer"/>).</summary>
    public static FieldsDisjunctionQuery Word(QueryPlan plan, PlannedWord word)
    {
        var disjunction = new FieldsDisjunctionQuery(plan.TieBreaker);
        foreach (var clause in word.Fields)
        {
            disjunction.Add(clause.Query);
        }

        return disjunction;
    }

    // A group's alternatives: one word, or the words joined by OR (their sum); a lone word that may be common (على)
    // is decided against the index when the query is rewritten.
    private static Query Alternatives(QueryPlan plan, IReadOnlyList<PlannedWord> group, int index)
    {
        if (group.Count == 1)
        {
            Query word = Word(plan, group[0]);
            return plan.Common?.Forms(index) is not null ? new CommonWordQuery(word, plan.Common, index, plan.BodyBoost) : word;
        }

        var any = new BooleanQuery(disableCoord: true);
        foreach (var word in group)
        {
            any.Add(Word(plan, word), Occur.SHOULD);
        }

        return any;
    }

    // A single group would only shift every score by the same constant: the plan has no bonus then.
    private static void AddBonus(BooleanQuery top, QueryPlan plan, Query group)
    {
        if (plan.Bonus > 0)
        {
            top.Add(new ConstantScoreQuery(group) { Boost = plan.Bonus }, Occur.SHOULD);
        }
    }

    private static void AddExclusions(BooleanQuery query, QueryPlan plan)
    {
        foreach (var exclusion in plan.Exclusions)
        {
            query.Add(exclusion, Occur.MUST_NOT);
        }
    }

    // The clauses of a word that decide whether it matches: the stemmed title and body and the root field, or an exact
    // or lead clause whose stemmed twin is not searched. Stacked forms of one position are separate clauses here.
    private static void AddMatchingClauses(List<Query> query, PlannedWord word)
    {
        var fields = word.Fields.Select(clause => clause.Field).ToHashSet(StringComparer.Ordinal);
        foreach (var clause in word.Fields)
        {
            var subsumed = clause.Field switch
            {
                NewsFields.TitleExact => fields.Contains(NewsFields.Title),
                NewsFields.BodyExact => fields.Contains(NewsFields.Body),
                NewsFields.Lead => fields.Contains(NewsFields.Body),
                NewsFields.LeadExact => fields.Contains(NewsFields.Body) || fields.Contains(NewsFields.Lead),
                _ => false,
            };
            if (subsumed)
            {
                continue;
            }

            AddTerms(query, clause.Query);
        }
    }

    // A word's stacked forms are separate clauses: a flat disjunction of terms is what Lucene scores fastest.
    private static void AddTerms(List<Query> query, Query clause)
    {
        if (clause is DisjunctionMaxQuery forms && forms.Disjuncts.All(d => d is TermQuery))
        {
            foreach (var form in forms.Disjuncts)
            {
                var term = (Query)form.Clone();
                term.Boost = form.Boost * clause.Boost;
                query.Add(term);
            }
        }
        else
        {
            query.Add(clause);
        }
    }
}
