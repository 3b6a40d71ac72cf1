using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Querying.Spelling;

/// <summary>
/// What a search does about a query that may be mistyped (#18): show the results of its correction, offer the
/// correction as did-you-mean, or retry with typo tolerance. Runs after the query as typed, with its total.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>The phrase corrector (<see cref="PhraseCorrector"/>) proposes a correction from the language model of the index
/// reader (or of the newest reader that has one while it is built; the very first build is waited for unless the host
/// said not to, <see cref="NewsSearcherOptions.WaitForSpellingModel"/>).</item>
/// <item>When the query as typed finds at most <see cref="AlmostNothing"/> articles and the correction finds at least
/// <see cref="ShownRatio"/> times as many (and at least one), the page shows the correction's results: corrected, with
/// the searched query, and the request parameter <c>correct=false</c> as the way back.</item>
/// <item>Otherwise the correction, when it has results under the same filters, is offered as did-you-mean.</item>
/// <item>A query that still has no results is retried with typo tolerance (<see cref="SpellingCorrector.TypoTolerant"/>).</item>
/// </list>
/// Without a model (not built yet in a server that does not wait, or failed), did-you-mean falls back to the rare-word
/// corrector (<see cref="SpellingCorrector.DidYouMean"/>).
/// </remarks>
internal sealed class QueryCorrection(NewsQueryParser parser, Analyzer analyzer, SuggestionService suggestions, bool waitForModel)
{
    /// <summary>A query as typed finding at most this many articles finds "almost nothing".</summary>
    public const int AlmostNothing = 3;

    /// <summary>The correction's results are shown when it finds at least this many times as many articles as the query as typed.</summary>
    public const int ShownRatio = 10;

    private readonly SpellingCorrector _fallback = new(analyzer, parser);
    private readonly PhraseCorrector _phrases = new(SpellingAnalysis.Words);

    /// <summary>
    /// The run to show and what to say about it, for the query <paramref name="text"/> whose run as typed is
    /// <paramref name="typed"/>; provisional when there is no model yet (its corrections would differ), or when it
    /// corrects with a stand-in (the previous reader's model and dictionary), which differs from the reader's own in the
    /// few articles of a commit.
    /// </summary>
    public (SearchRun Run, string? DidYouMean, string? Searched, bool Provisional) Apply(
        IndexReader reader, string text, SearchRun typed, Func<Query, SearchRun> run, Func<ParsedQuery, SearchRun> runParsed, Func<string, bool> hasResults)
    {
        var surface = suggestions.SurfaceLookup(reader);
        var model = suggestions.Model(reader, waitForModel);
        var standIn = !suggestions.IsBuilt(reader);
        string? candidate;
        bool? found = null;
        if (model is not null)
        {
            candidate = _phrases.Correct(text, model, surface, term => SpellingCorrector.Near(reader, term, 2))?.Text;
            if (candidate is not null && typed.Total <= AlmostNothing && parser.Parse(candidate) is { Kind: ParsedQueryKind.Terms } parsed)
            {
                var corrected = runParsed(parsed);
                if (corrected.Total >= Math.Max(1, ShownRatio * typed.Total))
                {
                    return (corrected, null, candidate, standIn);
                }

                found = corrected.Total > 0;
            }
        }
        else
        {
            candidate = _fallback.DidYouMean(reader, text, surface);
        }

        if (typed.Total == 0 && _fallback.TypoTolerant(reader, text, surface) is { } typo)
        {
            var retry = run(typo.Query);
            if (retry.Total > 0)
            {
                return (retry, null, typo.Searched, standIn || model is null);
            }
        }

        var offered = candidate is not null && !string.Equals(candidate, text.Trim(), StringComparison.Ordinal) && (found ?? hasResults(candidate))
            ? candidate
            : null;
        return (typed, offered, null, model is null || (standIn && offered is not null));
    }
}
