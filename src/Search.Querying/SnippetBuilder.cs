using System.Text;
using Lucene.Net.Analysis;
using Search.Core.Analysis;

namespace Search.Querying;

/// <summary>Cuts an HTML snippet around the matches of a body, with every matched form in &lt;mark&gt;.</summary>
/// <remarks>
/// The body is re-analyzed with the field's own analyzer, so a token matches when its <em>stemmed</em> term is a
/// query term: typing المعلمين marks المعلمون. Offsets come from the tokenizer, so marks and cuts fall on word
/// boundaries. The window is the one (starting a little before a match) holding the most distinct matched terms;
/// it is snapped to whitespace so no word is cut. Text is HTML-escaped; only our &lt;mark&gt; tags are markup.
/// </remarks>
internal static class SnippetBuilder
{
    public const int MaxLength = 220;
    private const int Lead = 60;
    private const int MaxAnchors = 256;
    private const string Ellipsis = "…";

    public static string Build(Analyzer analyzer, string field, string? text, IReadOnlySet<string> terms, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var matches = terms.Count == 0
            ? []
            : TokenInspector.Analyze(analyzer, field, text).Where(token => terms.Contains(token.Term)).ToList();

        var (start, end) = matches.Count == 0 ? (0, SnapEnd(text, 0, maxLength)) : BestWindow(text, matches, maxLength);
        var builder = new StringBuilder(end - start + 64);
        if (start > 0)
        {
            builder.Append(Ellipsis).Append(' ');
        }

        var cursor = start;
        foreach (var match in matches)
        {
            if (match.StartOffset < cursor || match.EndOffset > end)
            {
                continue;
            }

            AppendEscaped(builder, text, cursor, match.StartOffset);
            builder.Append("<mark>");
            AppendEscaped(builder, text, match.StartOffset, match.EndOffset);
            builder.Append("</mark>");
            cursor = match.EndOffset;
        }

        AppendEscaped(builder, text, cursor, end);
        if (end < text.Length)
        {
            builder.Append(' ').Append(Ellipsis);
        }

        return builder.ToString();
    }

    private static (int Start, int End) BestWindow(string text, List<AnalyzedToken> matches, int maxLength)
    {
        var best = (Start: 0, End: 0, Distinct: -1, Count: -1);
        foreach (var anchor in matches.Take(MaxAnchors))
        {
            var start = SnapStart(text, Math.Max(0, anchor.StartOffset - Lead), anchor.StartOffset);
            var end = SnapEnd(text, start, maxLength);
            var inside = matches.Where(m => m.StartOffset >= start && m.EndOffset <= end).ToList();
            var distinct = inside.Select(m => m.Term).Distinct(StringComparer.Ordinal).Count();
            if (distinct > best.Distinct || (distinct == best.Distinct && inside.Count > best.Count))
            {
                best = (start, end, distinct, inside.Count);
            }
        }

        return (best.Start, best.End);
    }

    // The first word start at or after `from`, but never after the anchor match.
    private static int SnapStart(string text, int from, int anchor)
    {
        if (from == 0)
        {
            return 0;
        }

        for (var i = from; i < anchor; i++)
        {
            if (char.IsWhiteSpace(text[i - 1]) && !char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return anchor;
    }

    // The last word end within maxLength of start; a single longer word is kept whole.
    private static int SnapEnd(string text, int start, int maxLength)
    {
        var limit = start + maxLength;
        if (limit >= text.Length)
        {
            return text.Length;
        }

        for (var i = limit; i > start; i--)
        {
            if (char.IsWhiteSpace(text[i]) && !char.IsWhiteSpace(text[i - 1]))
            {
                return i;
            }
        }

        var next = limit;
        while (next < text.Length && !char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        return next;
    }

    private static void AppendEscaped(StringBuilder builder, string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\r' or '\n' or '\t': builder.Append(' '); break;
                default: builder.Append(c); break;
            }
        }
    }
}
