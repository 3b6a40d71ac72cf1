using System.Text;
using Lucene.Net.Analysis;
using Search.Core.Analysis;

namespace Search.Querying.Spelling;

/// <summary>The words of a query text in runs of adjacent wanted words, as the corrector decodes them.</summary>
/// <remarks>
/// The text goes through the words chain (<see cref="NewsAnalyzerFactory.WordsKey"/>), as the language model's text
/// did. Numbers are skipped without ending a run (the model skips them too); an excluded word or phrase and OR end a
/// run and are never corrected. A run is at most <see cref="SearchLimits.MaxQueryElements"/> words.
/// </remarks>
internal sealed class QueryWords
{
    private readonly string _text;

    private QueryWords(string text, List<List<QueryWord>> runs)
    {
        _text = text;
        Runs = runs;
    }

    /// <summary>Runs of adjacent words.</summary>
    public IReadOnlyList<List<QueryWord>> Runs { get; }

    /// <summary>The words of <paramref name="text"/>.</summary>
    public static QueryWords Of(Analyzer analyzer, string text)
    {
        var breaks = Breaks(text);
        var runs = new List<List<QueryWord>>();
        var run = new List<QueryWord>();
        foreach (var token in TokenInspector.Analyze(analyzer, NewsAnalyzerFactory.WordsKey, text))
        {
            if (token.Term.All(c => char.IsDigit(c) || c is '.' or ','))
            {
                continue;
            }

            if (breaks.Any(b => token.StartOffset >= b.Start && token.StartOffset < b.End))
            {
                Close(runs, ref run);
                continue;
            }

            var typed = text[token.StartOffset..token.EndOffset];
            run.Add(new QueryWord(token.Term, TermHash.Of(token.Term), token.StartOffset, token.EndOffset, typed, WordNormalizer.Letters(typed)));
            if (run.Count == SearchLimits.MaxQueryElements)
            {
                Close(runs, ref run);
            }
        }

        Close(runs, ref run);
        return new QueryWords(text, runs);
    }

    /// <summary>The text with each of <paramref name="replacements"/> put in place of its word.</summary>
    public string Replace(IEnumerable<(QueryWord Word, string Text)> replacements)
    {
        var builder = new StringBuilder(_text.Length + 16);
        var cursor = 0;
        foreach (var (word, replacement) in replacements.OrderBy(r => r.Word.Start))
        {
            builder.Append(_text, cursor, word.Start - cursor).Append(replacement);
            cursor = word.End;
        }

        return builder.Append(_text, cursor, _text.Length - cursor).ToString().Trim();
    }

    private static void Close(List<List<QueryWord>> runs, ref List<QueryWord> run)
    {
        if (run.Count > 0)
        {
            runs.Add(run);
            run = [];
        }
    }

    // Spans of the text that end a run: exclusions (the minus sign to the end of the word or closing quote) and OR.
    private static List<(int Start, int End)> Breaks(string text)
    {
        var breaks = new List<(int Start, int End)>();
        foreach (var element in QueryTokenizer.Tokenize(text))
        {
            if (element.Kind == QueryElementKind.Or || element.Excluded)
            {
                var length = element.Text.Length + (element.Excluded ? 1 : 0) + (element.Kind == QueryElementKind.Phrase ? 2 : 0);
                breaks.Add((element.Position, Math.Min(text.Length, element.Position + length)));
            }
        }

        return breaks;
    }
}
