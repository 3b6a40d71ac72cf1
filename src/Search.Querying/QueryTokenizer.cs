namespace Search.Querying;

/// <summary>Splits search-box text into words, "phrases", -exclusions and OR; never fails.</summary>
/// <remarks>
/// Only these four constructs are syntax. Lucene's classic operators (<c>field:</c>, <c>*</c>, <c>?</c>, <c>~</c>,
/// <c>^</c>, brackets, <c>AND</c>, <c>+</c>) are ordinary characters: the analyzer keeps what is a word and drops
/// the rest. Straight quotes and the typographic ones Arabic keyboards produce (“ ” « ») delimit phrases; a quote
/// left open runs to the end of the text.
/// </remarks>
internal static class QueryTokenizer
{
    private const string QuoteChars = "\"“”«»";

    public static IReadOnlyList<QueryElement> Tokenize(string text)
    {
        var elements = new List<QueryElement>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var excluded = false;
            if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                excluded = true;
                i++;
            }

            if (IsQuote(text[i]))
            {
                var close = IndexOfQuote(text, i + 1);
                var end = close < 0 ? text.Length : close;
                elements.Add(new QueryElement(QueryElementKind.Phrase, text[(i + 1)..end], excluded, start));
                i = close < 0 ? text.Length : close + 1;
                continue;
            }

            var wordStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsQuote(text[i]))
            {
                i++;
            }

            var word = text[wordStart..i];
            var kind = !excluded && word == "OR" ? QueryElementKind.Or : QueryElementKind.Word;
            elements.Add(new QueryElement(kind, word, excluded, start));
        }

        return elements;
    }

    private static bool IsQuote(char c) => QuoteChars.Contains(c, StringComparison.Ordinal);

    private static int IndexOfQuote(string text, int from) => text.AsSpan(from).IndexOfAny(QuoteChars) is var k and >= 0 ? from + k : -1;
}
