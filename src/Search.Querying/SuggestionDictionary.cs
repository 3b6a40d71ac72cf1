using System.Diagnostics;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Search.Core.Analysis;
using Search.Core.Schema;

namespace Search.Querying;

/// <summary>Everything suggestions need, built once from one index reader: words, headline phrases, headlines and their spellings.</summary>
/// <remarks>
/// Built from the index itself, through the same analysis chain as searching (normalized, unstemmed: the exact fields),
/// so a prefix typed in any spelling finds what indexing made of every spelling:
/// <list type="bullet">
/// <item>words: the terms dictionaries of <c>title.exact</c> and <c>body.exact</c>, weighted by document frequency
/// (terms in a single article are left out once the index is large enough to have real vocabulary);</item>
/// <item>phrases: two- and three-word runs of headlines (adjacent after stop-word removal), weighted by how many headlines
/// carry them;</item>
/// <item>headlines: keyed by their normalized words, weighted by publication time (newest first);</item>
/// <item>display spellings: each word of the headlines and of the leads of one article in
/// <see cref="SegmentSuggestions.LeadSample"/> is counted under its normalized term with its original spelling (harakat and
/// tatweel removed); the most frequent spelling is shown. A rare word seen in neither is shown as its normalized term.</item>
/// </list>
/// Words and phrases starting with the article ال get a second key without it, so "اسلا" finds الإسلام.
/// Cost (41,661 articles): see the README's "Search box" section; seconds of CPU once per index generation, and about
/// 41 MiB of heap beside the 57 MiB of the per-segment parts it is built from (<see cref="SegmentSuggestions"/>).
/// </remarks>
internal sealed class SuggestionDictionary
{
    // Below this many articles every term is kept (a small index has no noise to cut).
    private const int SmallIndex = 1000;
    private const string Article = "ال";

    private readonly Analyzer _analyzer;
    private readonly string[] _wordText;
    private readonly string[] _phraseText;
    private readonly (string Title, string Id)[] _titles;
    private readonly Dictionary<string, string> _surfaces;
    private readonly CompletionTable _words;
    private readonly CompletionTable _phrases;
    private readonly CompletionTable _headlines;

    private SuggestionDictionary(
        Analyzer analyzer,
        string[] wordText,
        string[] phraseText,
        (string Title, string Id)[] titles,
        Dictionary<string, string> surfaces,
        CompletionTable words,
        CompletionTable phrases,
        CompletionTable headlines,
        TimeSpan buildTime,
        string phases)
    {
        _analyzer = analyzer;
        _wordText = wordText;
        _phraseText = phraseText;
        _titles = titles;
        _surfaces = surfaces;
        _words = words;
        _phrases = phrases;
        _headlines = headlines;
        BuildTime = buildTime;
        Phases = phases;
    }

    /// <summary>Milliseconds per build phase (stored fields and analysis, terms, tables), for benchmarks.</summary>
    public string Phases { get; }

    /// <summary>How long building took.</summary>
    public TimeSpan BuildTime { get; }

    /// <summary>Keys in the three tables (aliases included).</summary>
    public int KeyCount => _words.Count + _phrases.Count + _headlines.Count;

    /// <summary>The most frequent original spelling of a normalized term, or null when none was seen.</summary>
    public string? Surface(string term) => _surfaces.GetValueOrDefault(term);

    /// <summary>Builds the dictionary of <paramref name="reader"/>, reusing the per-segment parts already read (see <see cref="SegmentSuggestions"/>).</summary>
    public static SuggestionDictionary Build(IndexReader reader, Analyzer analyzer)
    {
        var started = Stopwatch.GetTimestamp();
        var minDocFreq = reader.NumDocs >= SmallIndex ? 2 : 1;
        var minPhraseCount = reader.NumDocs >= SmallIndex ? 2 : 1;

        var spellings = new Dictionary<(string Term, string Surface), int>();
        var phraseSpellings = new Dictionary<(string Key, string Surface), int>();
        var headlineItems = new List<(string Key, int Entry, long Weight)>();
        var titles = new List<(string Title, string Id)>();

        // Segments not read before are read in parallel (the analyzer is thread-safe); then merged in order.
        var leaves = reader.Leaves;
        var parts = leaves.AsParallel().AsOrdered().Select(leaf => SegmentSuggestions.For(leaf.AtomicReader, analyzer)).ToList();
        for (var i = 0; i < leaves.Count; i++)
        {
            var leaf = leaves[i];
            var segment = parts[i];
            Add(spellings, segment.Spellings);
            Add(phraseSpellings, segment.PhraseSpellings);

            // Deletions change without the segment changing: headlines of deleted articles are skipped here (the
            // spelling and phrase counts of a segment keep them until it is merged away; they only rank and display).
            var live = leaf.AtomicReader.LiveDocs;
            foreach (var headline in segment.Headlines)
            {
                if (live is not null && !live.Get(headline.Doc))
                {
                    continue;
                }

                var entry = titles.Count;
                titles.Add((headline.Title, headline.Id));
                headlineItems.Add((headline.Key, entry, headline.Published));
                if (Unprefixed(headline.Key) is { } alias)
                {
                    headlineItems.Add((alias, entry, headline.Published));
                }
            }
        }

        var readMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var surfaces = BestSpellings(spellings);

        // Words: document frequency over titles and bodies (an upper bound of the articles holding the word).
        var docFreqs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in new[] { NewsFields.TitleExact, NewsFields.BodyExact })
        {
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is null)
            {
                continue;
            }

            var iterator = terms.GetEnumerator();
            while (iterator.MoveNext())
            {
                var term = iterator.Term.Utf8ToString();
                docFreqs[term] = docFreqs.GetValueOrDefault(term) + iterator.DocFreq;
            }
        }

        var termsMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds - readMs;
        // A word never seen with its spelling may be seen with a proclitic: الحدائق borrows from والحدائق.
        var borrowed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (term, display) in surfaces)
        {
            if (Detached(term, display) is { } detached && !surfaces.ContainsKey(detached.Key))
            {
                borrowed.TryAdd(detached.Key, detached.Display);
            }
        }

        var wordText = new List<string>();
        var wordItems = new List<(string Key, int Entry, long Weight)>();
        foreach (var (term, docFreq) in docFreqs)
        {
            if (docFreq < minDocFreq || term.Length < 2)
            {
                continue;
            }

            var entry = wordText.Count;
            var display = surfaces.GetValueOrDefault(term) ?? borrowed.GetValueOrDefault(term) ?? term;
            wordText.Add(display);
            wordItems.Add((term, entry, docFreq));
            if (Unprefixed(term) is { } alias)
            {
                wordItems.Add((alias, entry, docFreq));
            }

            // والحداثة is also offered as الحداثة to whoever types الحدا (the tokenizer keeps proclitics on the word).
            if (Detached(term, display) is { } detached)
            {
                var second = wordText.Count;
                wordText.Add(detached.Display);
                wordItems.Add((detached.Key, second, docFreq));
                if (Unprefixed(detached.Key) is { } detachedAlias)
                {
                    wordItems.Add((detachedAlias, second, docFreq));
                }
            }
        }

        // A headline counts a phrase once under one spelling, so a phrase's count is the sum of its spellings' counts.
        var phraseCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ((key, _), count) in phraseSpellings)
        {
            phraseCounts[key] = phraseCounts.GetValueOrDefault(key) + count;
        }

        var phraseSurfaces = BestSpellings(phraseSpellings);
        var phraseText = new List<string>();
        var phraseItems = new List<(string Key, int Entry, long Weight)>();
        foreach (var (key, count) in phraseCounts)
        {
            if (count < minPhraseCount)
            {
                continue;
            }

            var entry = phraseText.Count;
            phraseText.Add(phraseSurfaces.GetValueOrDefault(key) ?? key);
            phraseItems.Add((key, entry, count));
            if (Unprefixed(key) is { } alias)
            {
                phraseItems.Add((alias, entry, count));
            }
        }

        var tablesStarted = Stopwatch.GetTimestamp();
        var wordTable = new CompletionTable(wordItems);
        var phraseTable = new CompletionTable(phraseItems);
        var headlineTable = new CompletionTable(headlineItems);
        var tablesMs = Stopwatch.GetElapsedTime(tablesStarted).TotalMilliseconds;
        return new SuggestionDictionary(
            analyzer,
            [.. wordText],
            [.. phraseText],
            [.. titles],
            surfaces,
            wordTable,
            phraseTable,
            headlineTable,
            Stopwatch.GetElapsedTime(started),
            FormattableString.Invariant($"documents {readMs:F0} ms, terms {termsMs:F0} ms, tables {tablesMs:F0} ms ({wordItems.Count:N0} word, {phraseItems.Count:N0} phrase, {headlineItems.Count:N0} headline keys)"));
    }

    /// <summary>Completions of <paramref name="text"/>: at most <paramref name="size"/>, words, phrases and headlines by quota.</summary>
    /// <remarks>
    /// The text is read as complete words (analyzed like the exact fields: normalized, stop words dropped) and a last
    /// partial word (normalized only, so a stop word being typed, في of فيروس, still completes). A trailing space means
    /// the last word is complete. Quotas for 8: up to 2 headlines and 3 phrases, the rest words; a kind that has fewer
    /// leaves its slots to the others.
    /// </remarks>
    public IReadOnlyList<Suggestion> Suggest(string text, int size)
    {
        if (string.IsNullOrWhiteSpace(text) || size <= 0)
        {
            return [];
        }

        var typed = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var finished = char.IsWhiteSpace(text[^1]);
        var partial = finished ? string.Empty : LettersAndDigits(NewsAnalyzerFactory.NormalizeWord(typed[^1]));
        var completeWords = finished ? typed : typed[..^1];
        var completeTerms = completeWords
            .SelectMany(word => TokenInspector.Analyze(_analyzer, NewsFields.TitleExact, word).Select(t => t.Term))
            .ToList();
        if (partial.Length == 0 && completeTerms.Count == 0)
        {
            return [];
        }

        var keyTerms = partial.Length > 0 ? [.. completeTerms, partial] : completeTerms;
        var fullKey = string.Join(' ', keyTerms) + (partial.Length == 0 ? " " : string.Empty);
        var typedPrefix = string.Join(' ', completeWords);

        var words = new List<Suggestion>();
        if (partial.Length > 0)
        {
            foreach (var entry in _words.Top(partial, size))
            {
                var word = _wordText[entry];
                words.Add(new Suggestion(typedPrefix.Length == 0 ? word : typedPrefix + " " + word, SuggestionKind.Word));
            }
        }

        // Phrases start at the last complete word (a phrase is two or three words); earlier words are kept as typed.
        var phrases = new List<Suggestion>();
        var phraseStart = Math.Max(0, completeTerms.Count - 1);
        var phraseKey = string.Join(' ', keyTerms.Skip(phraseStart)) + (partial.Length == 0 ? " " : string.Empty);
        var before = completeWords.Length > 1 && completeTerms.Count > 1 ? string.Join(' ', completeWords[..^1]) + " " : string.Empty;
        if (phraseKey.Trim().Length > 0)
        {
            foreach (var entry in _phrases.Top(phraseKey, size))
            {
                phrases.Add(new Suggestion(before + _phraseText[entry], SuggestionKind.Phrase));
            }
        }

        var headlines = _headlines.Top(fullKey, size)
            .Select(entry => new Suggestion(_titles[entry].Title, SuggestionKind.Title, _titles[entry].Id))
            .ToList();

        var titleQuota = Math.Max(1, size / 4);
        var phraseQuota = Math.Max(1, (size * 3) / 8);
        var severalWords = completeTerms.Count > 0;
        var total = size - Math.Min(titleQuota, headlines.Count);
        var queries = severalWords
            ? Merge(phrases, words, total, first: total)
            : Merge(words, phrases, total, first: total - Math.Min(phraseQuota, phrases.Count));
        var result = new List<Suggestion>(size);
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var suggestion in queries.Concat(headlines))
        {
            if (result.Count < size && shown.Add(suggestion.Text))
            {
                result.Add(suggestion);
            }
        }

        return result;
    }

    // Up to `first` of the first list, then the second, up to `total`; then whatever is left of either.
    private static List<Suggestion> Merge(List<Suggestion> primary, List<Suggestion> secondary, int total, int first)
    {
        var result = new List<Suggestion>(total);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var suggestion in primary.Take(first).Concat(secondary).Concat(primary.Skip(first)))
        {
            if (result.Count < total && seen.Add(suggestion.Text))
            {
                result.Add(suggestion);
            }
        }

        return result;
    }

    /// <summary>The normalized terms of <paramref name="length"/> tokens from <paramref name="start"/>, space-separated.</summary>
    internal static string Key(IReadOnlyList<AnalyzedToken> tokens, int start, int length)
    {
        var builder = new StringBuilder();
        for (var i = start; i < start + length; i++)
        {
            if (i > start)
            {
                builder.Append(' ');
            }

            builder.Append(tokens[i].Term);
        }

        return builder.ToString();
    }

    // الإسلام is also found by اسلا: the key without the article, when something is left of the word.
    private static string? Unprefixed(string key) =>
        key.StartsWith(Article, StringComparison.Ordinal) && key.Length >= Article.Length + 3 && key[Article.Length] != ' '
            ? key[Article.Length..]
            : null;

    // و ف ب ك before the article, or ل merged with it (لل): the word with the article alone, key and display alike.
    private static (string Key, string Display)? Detached(string term, string display)
    {
        if (term.Length < 6 || display.Length < 3 || display[0] != term[0])
        {
            return null;
        }

        if (term[0] is 'و' or 'ف' or 'ب' or 'ك' && term[1] == 'ا' && term[2] == 'ل')
        {
            return (term[1..], display[1..]);
        }

        return term[0] == 'ل' && term[1] == 'ل' && display[1] == 'ل'
            ? (Article + term[2..], Article + display[2..])
            : null;
    }

    private static string LettersAndDigits(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // The spelling as written, without harakat (U+064B–U+0652), superscript alef (U+0670) and tatweel, whitespace collapsed.
    internal static string Clean(string text, int start, int end)
    {
        var builder = new StringBuilder(end - start);
        var space = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is (>= '\u064B' and <= '\u0652') or '\u0670' or '\u0640')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '_')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static Dictionary<string, string> BestSpellings<TKey>(Dictionary<(TKey Key, string Surface), int> counts)
        where TKey : notnull
    {
        var best = new Dictionary<string, (string Surface, int Count)>(StringComparer.Ordinal);
        foreach (var ((key, surface), count) in counts)
        {
            var name = key.ToString()!;
            if (!best.TryGetValue(name, out var current) || count > current.Count
                || (count == current.Count && string.CompareOrdinal(surface, current.Surface) < 0))
            {
                best[name] = (surface, count);
            }
        }

        return best.ToDictionary(pair => pair.Key, pair => pair.Value.Surface, StringComparer.Ordinal);
    }

    private static void Add<TKey>(Dictionary<TKey, int> total, Dictionary<TKey, int> part)
        where TKey : notnull
    {
        total.EnsureCapacity(total.Count + part.Count);
        foreach (var (key, count) in part)
        {
            total[key] = total.GetValueOrDefault(key) + count;
        }
    }

    /// <summary>Counts one occurrence of <paramref name="key"/>.</summary>
    internal static void Count<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
