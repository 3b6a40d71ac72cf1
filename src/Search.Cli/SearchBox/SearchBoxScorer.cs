using Search.Core.Analysis;
using Search.Querying;
using Search.Querying.Variants;

namespace Search.Cli.SearchBox;

/// <summary>Scores the search-box sets on an index, through the same calls as <c>/search</c> and <c>/suggest</c> (#18).</summary>
/// <remarks>
/// <list type="bullet">
/// <item>typos, phrases: the share whose correction (the query searched instead, or did-you-mean) is the expected text,
/// compared after folding hamza and alef forms, ى/ي, ة/ه, diacritics and tatweel (target ≥ 90% and ≥ 75%);</item>
/// <item>correct: the share that got any correction (target ≤ 3%);</item>
/// <item>prefixes: the share whose expected phrase is among the first three suggestions (target ≥ 95%);</item>
/// <item>name-variants: per pair (<see cref="VariantCoverage"/>): one name (yes) when a search for either spelling finds
/// at least 95% of the articles that use either; two words (no) when neither search finds more of the other's own
/// articles than without name variants.</item>
/// </list>
/// Each share is given over all rows and over each half (odd and even rows), so that tuning on one half can be checked on the other.
/// </remarks>
internal sealed class SearchBoxScorer(NewsSearcher searcher)
{
    /// <summary>Suggestions looked at for a prefix.</summary>
    public const int SuggestionsShown = 3;

    /// <summary>The share of the articles using either spelling that each spelling's search must find.</summary>
    public const double NameCoverage = 0.95;

    /// <summary>The figures of <paramref name="sets"/>, the cases that missed, and the name pairs measured.</summary>
    public (List<SearchBoxFigure> Figures, List<SearchBoxMiss> Misses, List<(SearchBoxSet Set, SearchBoxRow Row, VariantPairFigures Pair)> Names) Score(
        IEnumerable<SearchBoxSet> sets)
    {
        var figures = new List<SearchBoxFigure>();
        var misses = new List<SearchBoxMiss>();
        var names = new List<(SearchBoxSet, SearchBoxRow, VariantPairFigures)>();
        foreach (var set in sets.Where(s => s.Rows.Count > 0))
        {
            var hits = new List<bool>();
            foreach (var row in set.Rows)
            {
                var (hit, got) = set.Kind switch
                {
                    "typos" or "phrases" => Corrected(row),
                    "correct" => Untouched(row),
                    "prefixes" => Completed(row),
                    _ => Name(set, row, names),
                };
                hits.Add(hit);
                if (!hit)
                {
                    misses.Add(new SearchBoxMiss(set.Name, row.Line, row.Typed, got, row.Expected));
                }
            }

            figures.Add(Figure(set, hits));
        }

        return (figures, misses, names);
    }

    /// <summary>The text folded as the analysis chain folds letters: hamza and alef forms, ى/ي, ة/ه, diacritics, tatweel.</summary>
    public static string Fold(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(NewsAnalyzerFactory.NormalizeWord));

    private (bool Hit, string Got) Corrected(SearchBoxRow row)
    {
        var offered = Offered(row.Typed);
        return (offered is not null && Fold(offered) == Fold(row.Expected), offered ?? string.Empty);
    }

    private (bool Hit, string Got) Untouched(SearchBoxRow row)
    {
        var offered = Offered(row.Typed);
        return (offered is null, offered ?? string.Empty);
    }

    private (bool Hit, string Got) Completed(SearchBoxRow row)
    {
        var shown = searcher.Suggest(row.Typed).Suggestions.Take(SuggestionsShown).Select(s => s.Text).ToList();
        return (shown.Any(text => Fold(text) == Fold(row.Expected)), string.Join(" | ", shown));
    }

    private (bool Hit, string Got) Name(SearchBoxSet set, SearchBoxRow row, List<(SearchBoxSet, SearchBoxRow, VariantPairFigures)> names)
    {
        var pair = VariantCoverage.Measure(searcher, row.Typed, row.Expected);
        names.Add((set, row, pair));
        var sameName = row.Columns[2] == "yes";
        return sameName
            ? (pair.Coverage >= NameCoverage, $"finds {pair.FirstFindsOfEither:P0} / {pair.SecondFindsOfEither:P0} of either's articles")
            : (pair.Merged <= 0, $"finds {pair.Merged:P1} more of the other's own articles than without variants");
    }

    // The correction a reader is offered: the query searched instead, or did-you-mean; null when none.
    private string? Offered(string typed)
    {
        var page = searcher.Search(new SearchRequest(typed, Size: 1));
        return page.Corrected ? page.SearchedQuery : page.DidYouMean;
    }

    private static SearchBoxFigure Figure(SearchBoxSet set, List<bool> hits)
    {
        static double Share(IEnumerable<bool> values)
        {
            var list = values.ToList();
            return list.Count == 0 ? 0 : (double)list.Count(v => v) / list.Count;
        }

        var all = Share(hits);
        var first = Share(hits.Where((_, i) => i % 2 == 0));
        var second = Share(hits.Where((_, i) => i % 2 == 1));
        return set.Kind switch
        {
            "typos" => new(set.Name, set.Kind, "corrected", hits.Count, all, first, second, "≥ 90%", all >= 0.90),
            "phrases" => new(set.Name, set.Kind, "corrected", hits.Count, all, first, second, "≥ 75%", all >= 0.75),
            "correct" => new(set.Name, set.Kind, "corrected (false)", hits.Count, 1 - all, 1 - first, 1 - second, "≤ 3%", 1 - all <= 0.03),
            "prefixes" => new(set.Name, set.Kind, "in the first three", hits.Count, all, first, second, "≥ 95%", all >= 0.95),
            _ => new(set.Name, set.Kind, "pairs as expected", hits.Count, all, first, second, "100%", all >= 1),
        };
    }
}
