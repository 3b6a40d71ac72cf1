using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Schema;

namespace Search.Querying.Variants;

/// <summary>
/// Mines the index for spellings of one foreign name (#18): words with one consonant skeleton (<see cref="Skeleton"/>),
/// both frequent, used in the same contexts (<see cref="ContextVectors"/>). Proposals for analysts to review, never
/// applied by themselves.
/// </summary>
/// <remarks>
/// A pair of words of one skeleton is refused, with the reason, when:
/// <list type="bullet">
/// <item>either is shorter than <see cref="VariantMinerOptions.MinLength"/> letters (كيم, كم: short words collide) or
/// used in fewer than <see cref="VariantMinerOptions.MinArticles"/> articles;</item>
/// <item>either is an Arabic word: it has the article ال (also وال, بال, لل ...), is a frequent word with a pronoun suffix
/// or verb ending (حسابها, يزالون), conjugates as a verb (يساهم, تساهم, ساهم), or takes the article or a pronoun suffix in
/// more than <see cref="VariantMinerOptions.MaxArabicShare"/> of its articles. Arabic words of one root share a skeleton
/// (العالم, الإعلام; الأمن, اليمن; موقع, مواقع); foreign names are neither inflected nor conjugated;</item>
/// <item>either is a frequent word behind a proclitic (وترمب is ترمب's; وقال is قال's);</item>
/// <item>their first or last letters differ beyond the letter classes: that is an affix (حسابه, حسابها), not a spelling;</item>
/// <item>their contexts differ: similarity under <see cref="VariantMinerOptions.MinSimilarity"/>.</item>
/// </list>
/// Proposed pairs are joined into groups. Words of different skeletons (ماكرون, ماكين; مايكل, ميشيل) are never paired.
/// </remarks>
public static class VariantMiner
{
    private const string Article = "ال";
    private const string Proclitics = "وفبلك";
    private static readonly string[] PronounSuffixes = ["ه", "ها", "هم", "هما"];

    // The article, alone or behind a proclitic (وال, بال, فال, كال) or merged with ل (لل).
    private static readonly string[] ArticleForms = ["ال", "وال", "بال", "فال", "كال", "لل"];

    // Pronoun suffixes, verb endings (وا, ون) and the accusative alef (ا, only when the bare word is the more frequent).
    private static readonly string[] Suffixes = ["هما", "ها", "هم", "هن", "كم", "نا", "ه", "وا", "ون", "ا"];

    /// <summary>The groups proposed from <paramref name="reader"/>'s articles, most used first, and the evidence of every pair examined.</summary>
    public static (IReadOnlyList<VariantProposal> Proposals, IReadOnlyList<VariantEvidence> Examined) Propose(IndexReader reader, VariantMinerOptions? options = null)
    {
        options ??= new VariantMinerOptions();
        var frequencies = Frequencies(reader);
        var candidates = frequencies
            .Where(p => p.Value >= options.MinArticles && p.Key.Length >= options.MinLength && IsWord(p.Key))
            .Select(p => p.Key)
            .ToList();

        // Pairs of one skeleton whose words pass the rules that need no counting of contexts.
        var pairs = new List<(string First, string Second, string? Refusal)>();
        foreach (var group in candidates.GroupBy(Skeleton.Of).Where(g => g.Count() > 1))
        {
            var words = group.OrderByDescending(w => frequencies[w]).ThenBy(w => w, StringComparer.Ordinal).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                for (var j = i + 1; j < words.Count; j++)
                {
                    pairs.Add((words[i], words[j], Refusal(words[i], words[j], frequencies, options)));
                }
            }
        }

        var contexts = ContextVectors.Build(reader, pairs.Where(p => p.Refusal is null).SelectMany(p => new[] { p.First, p.Second }).Distinct());
        var usage = new Usage(reader);
        var examined = pairs.Select(p => Evidence(p.First, p.Second, p.Refusal, contexts, usage, options)).ToList();
        return (Group(examined.Where(e => e.Proposed), frequencies), examined);
    }

    /// <summary>The evidence for or against taking <paramref name="first"/> and <paramref name="second"/> for one name.</summary>
    public static VariantEvidence Explain(IndexReader reader, string first, string second, VariantMinerOptions? options = null)
    {
        options ??= new VariantMinerOptions();
        var a = NewsAnalyzerFactory.NormalizeWord(first.Trim());
        var b = NewsAnalyzerFactory.NormalizeWord(second.Trim());
        var frequencies = Frequencies(reader);
        var refusal = Skeleton.Of(a) != Skeleton.Of(b)
            ? "different consonant skeletons: not two spellings of one word"
            : Refusal(a, b, frequencies, options);
        return Evidence(a, b, refusal, ContextVectors.Build(reader, [a, b]), new Usage(reader), options, explain: true);
    }

    private static VariantEvidence Evidence(
        string first, string second, string? refusal, ContextVectors contexts, Usage usage, VariantMinerOptions options, bool explain = false)
    {
        var (before, after) = refusal is null || explain ? contexts.Similarity(first, second) : (0, 0);
        var (firstArticles, secondArticles, separation) = usage.Compare(first, second);
        if (refusal is null && (before + after) / 2 < options.MinSimilarity)
        {
            refusal = $"used in different contexts (similarity {(before + after) / 2:0.00} under {options.MinSimilarity:0.00})";
        }

        return new VariantEvidence(first, second, Skeleton.Of(first), Skeleton.Of(second), firstArticles, secondArticles, before, after, separation, refusal);
    }

    // The rules a pair of one skeleton must pass before its contexts are compared; null when it passes them all.
    private static string? Refusal(string first, string second, Dictionary<string, int> frequencies, VariantMinerOptions options)
    {
        foreach (var word in new[] { first, second })
        {
            if (WordRefusal(word, frequencies, options) is { } refusal)
            {
                return refusal;
            }
        }

        if (Skeleton.Class(first[0]) != Skeleton.Class(second[0]) || Skeleton.Class(first[^1]) != Skeleton.Class(second[^1]))
        {
            return "they differ in their first or last letter: an affix, not a spelling";
        }

        return null;
    }

    // Why one word cannot be a spelling of a foreign name: too short or rare, or an Arabic word by its article, proclitic,
    // suffixes or conjugation (Arabic words of one root share a skeleton, and inflect; names do not).
    private static string? WordRefusal(string word, Dictionary<string, int> frequencies, VariantMinerOptions options)
    {
        int Frequency(string w) => frequencies.GetValueOrDefault(w);
        bool Frequent(string w) => Frequency(w) >= options.MinArticles;
        if (word.Length < options.MinLength)
        {
            return $"'{word}' is shorter than {options.MinLength} letters";
        }

        if (Frequency(word) < options.MinArticles)
        {
            return $"'{word}' is used in fewer than {options.MinArticles} articles";
        }

        if (ArticleForms.Any(a => word.StartsWith(a, StringComparison.Ordinal)))
        {
            return $"'{word}' has the article ال: an Arabic word";
        }

        if (Proclitics.Contains(word[0]) && (Frequent(word[1..]) || Frequent("ا" + word[1..])))
        {
            return $"'{word}' is a word behind a proclitic";
        }

        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                var bare = stem[^1] == 'ت' ? stem[..^1] + "ه" : stem;
                if ((Frequent(stem) || Frequent(bare)) && (suffix != "ا" || Frequency(stem) > Frequency(word)))
                {
                    return $"'{word}' is '{(Frequent(stem) ? stem : bare)}' with the suffix {suffix}: an Arabic word";
                }
            }
        }

        // An imperfect verb: the same stem with another person's prefix, and a past or imperative form (يساهم: تساهم, ساهم).
        if (word[0] is 'ي' or 'ت' or 'ن' && word.Length >= 4
            && "يتن".Any(p => p != word[0] && Frequency(p + word[1..]) >= 3)
            && (Frequency(word[1..]) >= 3 || Frequency("ا" + word[1..]) >= 3))
        {
            return $"'{word}' conjugates as a verb";
        }

        var affixed = Frequency(Article + word) + PronounSuffixes.Sum(s => Frequency(word + s));
        if (affixed >= 3 && affixed > options.MaxArabicShare * Frequency(word))
        {
            return $"'{word}' takes the article or pronoun suffixes ({affixed} articles): an Arabic word";
        }

        return null;
    }

    // Upper bounds of the articles using each word: its document frequencies in the exact headline and body fields.
    private static Dictionary<string, int> Frequencies(IndexReader reader)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in new[] { NewsFields.TitleExact, NewsFields.BodyExact })
        {
            if (MultiFields.GetTerms(reader, field) is not { } terms)
            {
                continue;
            }

            var iterator = terms.GetEnumerator();
            while (iterator.MoveNext())
            {
                var term = iterator.Term.Utf8ToString();
                frequencies[term] = frequencies.GetValueOrDefault(term) + iterator.DocFreq;
            }
        }

        return frequencies;
    }

    private static bool IsWord(string term) =>
        term.All(c => c is >= '\u0621' and <= '\u064A') && !NewsAnalyzerFactory.StopWords.Contains(term);

    private static List<VariantProposal> Group(IEnumerable<VariantEvidence> proposed, Dictionary<string, int> frequencies)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string word)
        {
            while (parent.TryGetValue(word, out var up) && up != word)
            {
                word = up;
            }

            return word;
        }

        var pairs = proposed.ToList();
        foreach (var pair in pairs)
        {
            parent.TryAdd(pair.First, pair.First);
            parent.TryAdd(pair.Second, pair.Second);
            parent[Find(pair.Second)] = Find(pair.First);
        }

        return [.. pairs
            .GroupBy(p => Find(p.First))
            .Select(g => new VariantProposal(
                [.. g.SelectMany(p => new[] { p.First, p.Second }).Distinct().OrderByDescending(w => frequencies.GetValueOrDefault(w)).ThenBy(w => w, StringComparer.Ordinal)],
                [.. g.OrderByDescending(p => p.Similarity)]))
            .OrderByDescending(p => p.Pairs.Max(e => e.Similarity))];
    }

    // The articles using a word (exact headline or body) and their sources.
    private sealed class Usage(IndexReader reader)
    {
        private readonly Dictionary<string, Dictionary<string, int>> _sources = new(StringComparer.Ordinal);

        public (int First, int Second, double Separation) Compare(string first, string second)
        {
            var a = Sources(first);
            var b = Sources(second);
            return (a.Values.Sum(), b.Values.Sum(), CramersV(a, b));
        }

        private Dictionary<string, int> Sources(string word)
        {
            if (_sources.TryGetValue(word, out var known))
            {
                return known;
            }

            var docs = new FixedBitSet(reader.MaxDoc);
            var searcher = new IndexSearcher(reader);
            var query = new BooleanQuery
            {
                { new TermQuery(new Term(NewsFields.TitleExact, word)), Occur.SHOULD },
                { new TermQuery(new Term(NewsFields.BodyExact, word)), Occur.SHOULD },
            };
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var leaf in reader.Leaves)
            {
                var weight = searcher.CreateNormalizedWeight(query);
                var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                if (scorer is null)
                {
                    continue;
                }

                var sources = leaf.AtomicReader.GetSortedSetDocValues(NewsFields.Source);
                var bytes = new BytesRef();
                for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
                {
                    var source = string.Empty;
                    if (sources is not null)
                    {
                        sources.SetDocument(doc);
                        var ord = sources.NextOrd();
                        if (ord != SortedSetDocValues.NO_MORE_ORDS)
                        {
                            sources.LookupOrd(ord, bytes);
                            source = bytes.Utf8ToString();
                        }
                    }

                    counts[source] = counts.GetValueOrDefault(source) + 1;
                }
            }

            _sources[word] = counts;
            return counts;
        }

        // Cramér's V of the 2 × sources table of articles: 1 when each source writes one spelling only, 0 when all write both alike.
        private static double CramersV(Dictionary<string, int> a, Dictionary<string, int> b)
        {
            double total = a.Values.Sum() + b.Values.Sum();
            if (total == 0 || a.Count == 0 || b.Count == 0)
            {
                return 0;
            }

            double chi = 0;
            foreach (var source in a.Keys.Union(b.Keys))
            {
                var row = a.GetValueOrDefault(source) + b.GetValueOrDefault(source);
                foreach (var column in new[] { a, b })
                {
                    var expected = row * column.Values.Sum() / total;
                    var observed = column.GetValueOrDefault(source);
                    chi += expected > 0 ? (observed - expected) * (observed - expected) / expected : 0;
                }
            }

            return Math.Min(1, Math.Sqrt(chi / total));
        }
    }
}
