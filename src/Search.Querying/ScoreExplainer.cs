using System.Globalization;
using Lucene.Net.Search;
using Search.Core.Schema;

namespace Search.Querying;

/// <summary>Explains a document's score for a query through the same parser and ranking as <see cref="NewsSearcher.Search(SearchRequest)"/>.</summary>
/// <remarks>
/// Lucene's explanation tree is flattened into what an analyst reads: each term or phrase match with its field, its
/// frequency, its IDF and what it finally adds to the score (field boost, DisjunctionMax tie-breaker and coordination
/// applied), plus the matched-word bonus and the coordination factor.
/// </remarks>
public static class ScoreExplainer
{
    /// <summary>How deep the rank is looked for.</summary>
    public const int RankDepth = 10_000;

    /// <summary>Explains <paramref name="docId"/>'s score for <paramref name="queryText"/>.</summary>
    /// <exception cref="QuerySyntaxException">The query text is over the limits.</exception>
    /// <exception cref="IndexUnavailableException">No usable index is open.</exception>
    public static ScoreExplanation Explain(NewsSearcher searcher, string queryText, string docId)
    {
        var parsed = searcher.Parser.Parse(queryText);
        using var lease = searcher.Acquire();
        var index = lease.Searcher;
        var query = parsed.Query;
        var found = index.Search(new TermQuery(NewsDocumentMapper.IdTerm(docId)), 1);
        if (found.TotalHits == 0)
        {
            return new ScoreExplanation(queryText, docId, false, false, null, RankDepth, 0, 0, null, query.ToString(), [], []);
        }

        var doc = found.ScoreDocs[0].Doc;
        var title = index.Doc(doc).Get(NewsFields.Title);
        var sort = new Sort(SortField.FIELD_SCORE, new SortField(NewsFields.DateMillis, SortFieldType.INT64, reverse: true));
        var top = index.Search(query, null, RankDepth, sort, doDocScores: true, doMaxScore: false);
        var position = Array.FindIndex(top.ScoreDocs, d => d.Doc == doc);
        var explanation = index.Explain(query, doc);
        var contributions = new List<ScoreContribution>();
        if (explanation.IsMatch)
        {
            Walk(explanation, 1.0, contributions);
        }

        var byField = contributions.Where(c => c.Field is not null)
            .GroupBy(c => c.Field!)
            .Select(g => new KeyValuePair<string, double>(g.Key, g.Sum(c => c.Score)))
            .OrderByDescending(p => p.Value)
            .ToList();
        return new ScoreExplanation(
            queryText,
            docId,
            true,
            explanation.IsMatch,
            position < 0 ? null : position + 1,
            RankDepth,
            top.TotalHits,
            explanation.IsMatch ? explanation.Value : 0,
            title,
            query.ToString(),
            [.. contributions.OrderByDescending(c => c.Kind == "coord" ? double.MinValue : c.Score)],
            byField);
    }

    private static void Walk(Explanation node, double factor, List<ScoreContribution> output)
    {
        var description = node.Description ?? string.Empty;
        var children = node.GetDetails() ?? [];
        if (description.StartsWith("weight(", StringComparison.Ordinal))
        {
            output.Add(Match(node, description, factor));
            return;
        }

        if (description.StartsWith("ConstantScore(", StringComparison.Ordinal))
        {
            output.Add(new ScoreContribution("bonus", null, description.Split(", product of", 2)[0], node.Value * factor, null, null));
            return;
        }

        if (description.StartsWith("max plus ", StringComparison.Ordinal))
        {
            var tieBreaker = double.Parse(description["max plus ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
            var best = children.Where(c => c.IsMatch || c.Value > 0).MaxBy(c => c.Value);
            foreach (var child in children.Where(c => c.Value > 0))
            {
                Walk(child, ReferenceEquals(child, best) ? factor : factor * tieBreaker, output);
            }

            return;
        }

        var coord = children.FirstOrDefault(c => (c.Description ?? string.Empty).StartsWith("coord(", StringComparison.Ordinal));
        if (coord is not null)
        {
            output.Add(new ScoreContribution("coord", null, coord.Description!, coord.Value, null, null));
            foreach (var child in children.Where(c => !ReferenceEquals(c, coord)))
            {
                Walk(child, factor * coord.Value, output);
            }

            return;
        }

        foreach (var child in children.Where(c => c.Value > 0))
        {
            Walk(child, factor, output);
        }
    }

    // "weight(body:غزه in 12) [NewsSimilarity], result of:" or "weight(body:"a b"~4 in 12) ...".
    private static ScoreContribution Match(Explanation node, string description, double factor)
    {
        var inner = description["weight(".Length..];
        var end = inner.LastIndexOf(" in ", StringComparison.Ordinal);
        var clause = end > 0 ? inner[..end] : inner;
        var colon = clause.IndexOf(':', StringComparison.Ordinal);
        var field = colon > 0 ? clause[..colon] : null;
        var text = colon > 0 ? clause[(colon + 1)..] : clause;

        // The field boost is already in the score: drop Lucene's "^2.5" from the text.
        var caret = text.LastIndexOf('^');
        if (caret > 0 && float.TryParse(text[(caret + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            text = text[..caret];
        }

        var kind = text.StartsWith('"') ? "phrase" : "term";
        double? idf = null;
        double? frequency = null;
        foreach (var detail in Descendants(node))
        {
            var d = detail.Description ?? string.Empty;
            if (idf is null && d.StartsWith("idf", StringComparison.Ordinal))
            {
                idf = detail.Value;
            }
            else if (frequency is null && (d.StartsWith("termFreq=", StringComparison.Ordinal) || d.StartsWith("phraseFreq=", StringComparison.Ordinal)))
            {
                frequency = detail.Value;
            }
        }

        return new ScoreContribution(kind, field, text, node.Value * factor, frequency, idf);
    }

    private static IEnumerable<Explanation> Descendants(Explanation node)
    {
        foreach (var child in node.GetDetails() ?? [])
        {
            yield return child;
            foreach (var below in Descendants(child))
            {
                yield return below;
            }
        }
    }
}
