using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Analysis;

namespace Search.Querying;

/// <summary>Cuts HTML snippets around the matches of a text, with every matched form in &lt;mark&gt;.</summary>
/// <remarks>
/// The text is re-analyzed with the analyzer of each field the query searched (stemmed and exact), so a token is marked
/// when its stemmed term or its normalized term is one the query matched: typing المعلمين marks المعلمون, typing اسلام
/// marks الإسلام. Offsets come from the tokenizer, so marks cover whole tokens. Fragments are windows of
/// <see cref="MinFragment"/>–<see cref="MaxFragment"/> characters that start and end at whitespace, so no word (Arabic
/// or Latin) is ever cut; the best window holds the most distinct matched terms, then the most matches; a second,
/// non-overlapping one is added when it holds a match the first lacks, or when the first leaves room. Fragments keep
/// document order and are joined by " … ".
/// Bidi: the text is copied in logical order and nothing is inserted inside it; the ellipsis is a neutral character set
/// off by spaces and no direction marks are added, so Latin words and digits inside Arabic text render as in the
/// source when the client displays the snippet in a right-to-left (<c>dir="rtl"</c>) element.
/// Text is HTML-escaped; only our &lt;mark&gt; tags are markup.
/// </remarks>
internal static class SnippetBuilder
{
    public const int MaxFragment = 240;
    public const int MinFragment = 160;
    public const int MaxFragments = 2;

    // Bodies beyond this are highlighted in their first part only: bounds the cost of very long articles.
    public const int MaxAnalyzedChars = 20_000;
    private const int Lead = 50;
    private const int MaxAnchors = 128;
    private const string Ellipsis = "…";

    /// <summary>The best one or two fragments of <paramref name="text"/> around the tokens that match in <paramref name="fields"/> (each field to analyze the text with, and the query terms to look for in it).</summary>
    /// <param name="analyzer">The analyzer of the fields.</param>
    /// <param name="text">The text (a hit's body).</param>
    /// <param name="fields">Each field to match the text in, and the query terms to look for in it.</param>
    /// <param name="indexed">
    /// A field's matches already read from the index (<see cref="OffsetMatches"/>), ordered by offset: that field's
    /// analysis is skipped. Those past <see cref="MaxAnalyzedChars"/> are dropped, as analysis would not reach them.
    /// </param>
    public static string Build(
        Analyzer analyzer, string? text, IReadOnlyList<(string Field, IReadOnlySet<string> Terms)> fields, (string Field, List<Match> Matches)? indexed = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var matches = Matches(analyzer, text, fields, MaxAnalyzedChars, indexed);
        var builder = new StringBuilder(MaxFragments * (MaxFragment + 64));
        if (matches.Count == 0)
        {
            var end = SnapEnd(text, 0, MaxFragment);
            AppendFragment(builder, text, 0, end, matches);
            if (end < text.Length)
            {
                builder.Append(' ').Append(Ellipsis);
            }

            return builder.ToString();
        }

        var windows = BestWindows(text, matches);
        for (var i = 0; i < windows.Count; i++)
        {
            var (start, end) = windows[i];
            if (i == 0 && start > 0)
            {
                builder.Append(Ellipsis).Append(' ');
            }

            AppendFragment(builder, text, start, end, matches);
            if (end < text.Length)
            {
                builder.Append(' ').Append(Ellipsis);
                if (i + 1 < windows.Count)
                {
                    builder.Append(' ');
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>All of <paramref name="text"/> (a title), escaped, with the tokens that match in <paramref name="fields"/> marked.</summary>
    public static string HighlightAll(Analyzer analyzer, string text, IReadOnlyList<(string Field, IReadOnlySet<string> Terms)> fields)
    {
        var matches = Matches(analyzer, text, fields, int.MaxValue, indexed: null);
        var builder = new StringBuilder(text.Length + matches.Count * 13);
        AppendFragment(builder, text, 0, text.Length, matches);
        return builder.ToString();
    }

    // The tokens whose term in one of the fields is a query term of that field, in text order, without overlaps.
    private static List<Match> Matches(
        Analyzer analyzer, string text, IReadOnlyList<(string Field, IReadOnlySet<string> Terms)> fields, int maxChars, (string Field, List<Match> Matches)? indexed)
    {
        var matches = new List<Match>();
        var analyzed = text.Length > maxChars ? text[..SnapEnd(text, 0, maxChars)] : text;
        foreach (var (field, wanted) in fields)
        {
            if (wanted.Count == 0)
            {
                continue;
            }

            if (indexed is { } known && string.Equals(known.Field, field, StringComparison.Ordinal))
            {
                matches.AddRange(known.Matches.Where(match => match.Start >= 0 && match.Start <= match.End && match.End <= analyzed.Length));
                continue;
            }

            AddMatches(matches, analyzer, field, analyzed, wanted);
        }

        if (fields.Count > 1)
        {
            matches.Sort(Match.TextOrder);
            var merged = new List<Match>(matches.Count);
            foreach (var match in matches)
            {
                if (merged.Count == 0 || match.Start >= merged[^1].End)
                {
                    merged.Add(match);
                }
            }

            matches = merged;
        }

        return matches;
    }

    /// <summary>The tokens of <paramref name="text"/> analyzed as <paramref name="field"/> whose term is one of <paramref name="wanted"/>, in token order.</summary>
    internal static List<Match> Analyze(Analyzer analyzer, string field, string text, IReadOnlySet<string> wanted)
    {
        var matches = new List<Match>();
        AddMatches(matches, analyzer, field, text, wanted);
        return matches;
    }

    // #6: the body is re-analyzed for every hit; terms are looked up as spans of the term buffer, so only matches
    // become strings (a record and a string per token used to be most of the allocation of a search).
    private static void AddMatches(List<Match> matches, Analyzer analyzer, string field, string text, IReadOnlySet<string> wanted)
    {
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? lookup = null;
        if (wanted is HashSet<string> set && set.TryGetAlternateLookup<ReadOnlySpan<char>>(out var spanLookup))
        {
            lookup = spanLookup;
        }

        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            string? matched;
            if (lookup is { } spans)
            {
                matched = spans.TryGetValue(new ReadOnlySpan<char>(term.Buffer, 0, term.Length), out var actual) ? actual : null;
            }
            else
            {
                var word = term.ToString();
                matched = wanted.Contains(word) ? word : null;
            }

            if (matched is not null)
            {
                matches.Add(new Match(offset.StartOffset, offset.EndOffset, matched));
            }
        }

        stream.End();
    }

    private static List<(int Start, int End)> BestWindows(string text, List<Match> matches)
    {
        var first = BestWindow(text, matches, null);
        var windows = new List<(int Start, int End)> { (first.Start, first.End) };
        var outside = matches.Where(m => m.Start >= first.End || m.End <= first.Start).ToList();
        if (outside.Count > 0)
        {
            var second = BestWindow(text, outside, first);
            var newTerms = outside
                .Where(m => m.Start >= second.Start && m.End <= second.End)
                .Any(m => !first.Terms.Contains(m.Term));
            if (second.Distinct > 0 && (newTerms || first.End - first.Start < MinFragment))
            {
                windows.Add((second.Start, second.End));
                windows.Sort();
            }
        }

        return windows;
    }

    private static (int Start, int End, int Distinct, HashSet<string> Terms) BestWindow(
        string text, List<Match> matches, (int Start, int End, int Distinct, HashSet<string> Terms)? avoid)
    {
        var best = (Start: 0, End: 0, Distinct: -1, Count: -1, Terms: new HashSet<string>());
        foreach (var anchor in matches.Take(MaxAnchors))
        {
            var start = SnapStart(text, Math.Max(avoid is { } a && anchor.Start >= a.End ? a.End : 0, anchor.Start - Lead), anchor.Start);
            var limit = avoid is { } b && start < b.Start ? b.Start - start : MaxFragment;
            var end = SnapEnd(text, start, Math.Min(MaxFragment, limit));
            if (avoid is { } c && start < c.Start && end > c.Start)
            {
                end = anchor.End;
            }

            var inside = new HashSet<string>(StringComparer.Ordinal);
            var count = 0;
            foreach (var match in matches)
            {
                if (match.Start >= start && match.End <= end)
                {
                    inside.Add(match.Term);
                    count++;
                }
            }

            if (inside.Count > best.Distinct || (inside.Count == best.Distinct && count > best.Count))
            {
                best = (start, end, inside.Count, count, inside);
            }
        }

        return (best.Start, best.End, best.Distinct, best.Terms);
    }

    // The first word start at or after `from`, but never after the anchor match.
    private static int SnapStart(string text, int from, int anchor)
    {
        if (from <= 0)
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

    private static void AppendFragment(StringBuilder builder, string text, int start, int end, List<Match> matches)
    {
        var cursor = start;
        foreach (var match in matches)
        {
            if (match.Start < cursor || match.End > end)
            {
                continue;
            }

            AppendEscaped(builder, text, cursor, match.Start);
            builder.Append("<mark>");
            AppendEscaped(builder, text, match.Start, match.End);
            builder.Append("</mark>");
            cursor = match.End;
        }

        AppendEscaped(builder, text, cursor, end);
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

    /// <summary>A matched token: its offsets in the text and the query term it matched.</summary>
    internal readonly record struct Match(int Start, int End, string Term)
    {
        /// <summary>By start, the longer first, then by term: a total order, so that where two fields match the same word the one kept does not depend on the order they were found in.</summary>
        public static int TextOrder(Match a, Match b) =>
            a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.End != b.End ? b.End.CompareTo(a.End)
            : string.CompareOrdinal(a.Term, b.Term);
    }
}
