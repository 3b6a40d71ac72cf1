using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Search.Core.Analysis;
using Search.Core.Schema;

namespace Search.Querying;

/// <summary>Which fields to re-analyze a hit's body and title with, and which terms to mark in each; worked out once per search.</summary>
/// <remarks>
/// A normalized (exact-field) query term is usually covered by its stemmed twin: a word whose normalized form matches
/// has the same stem, so the stemmed pass marks it already. Only exact terms whose stem is not among the stemmed terms
/// (the spellings a typo-tolerant retry expanded to) need a second pass with the exact field. So highlighting costs one
/// analysis of each body and title for ordinary queries, two for corrected ones. The stemmed body pass is not an
/// analysis at all where the index has the body's offsets (<see cref="IndexedBody"/>).
/// </remarks>
internal sealed record HighlightPlan(
    IReadOnlyList<(string Field, IReadOnlySet<string> Terms)> Body,
    IReadOnlyList<(string Field, IReadOnlySet<string> Terms)> Title)
{
    public static HighlightPlan For(Analyzer analyzer, HighlightTerms terms) => new(
        Passes(analyzer, NewsFields.Body, terms.For(NewsFields.Body, NewsFields.Lead), NewsFields.BodyExact, terms.For(NewsFields.BodyExact, NewsFields.LeadExact)),
        Passes(analyzer, NewsFields.Title, terms.For(NewsFields.Title), NewsFields.TitleExact, terms.For(NewsFields.TitleExact)));

    /// <summary>For each of <paramref name="docs"/>, the matches of the stemmed body pass read from the index's offsets; <c>null</c> where the body must be analyzed.</summary>
    public (string Field, List<SnippetBuilder.Match> Matches)?[] IndexedBody(IndexReader reader, IReadOnlyList<int> docs)
    {
        var result = new (string Field, List<SnippetBuilder.Match> Matches)?[docs.Count];
        var stemmed = Body.FirstOrDefault(pass => pass.Field == NewsFields.Body);
        if (stemmed.Terms is null)
        {
            return result;
        }

        var found = OffsetMatches.Find(reader, docs, NewsFields.Body, stemmed.Terms);
        for (var i = 0; i < docs.Count; i++)
        {
            result[i] = found[i] is { } matches ? (NewsFields.Body, matches) : null;
        }

        return result;
    }

    private static List<(string Field, IReadOnlySet<string> Terms)> Passes(
        Analyzer analyzer, string stemmedField, IReadOnlySet<string> stemmed, string exactField, IReadOnlySet<string> exact)
    {
        var passes = new List<(string Field, IReadOnlySet<string> Terms)>(2);
        if (stemmed.Count > 0)
        {
            passes.Add((stemmedField, stemmed));
        }

        var uncovered = exact
            .Where(term => !TokenInspector.Analyze(analyzer, stemmedField, term).Any(token => stemmed.Contains(token.Term)))
            .ToHashSet(StringComparer.Ordinal);
        if (uncovered.Count > 0)
        {
            passes.Add((exactField, uncovered));
        }

        return passes;
    }
}
