using System.Buffers.Binary;
using Search.Core.Analysis;

namespace Search.Core.Dedup;

/// <summary>
/// The MinHash signature of an article (Broder 1997): copies of one story share most of it, other stories almost none.
/// </summary>
/// <remarks>
/// Words are the body's runs of letters, digits and marks, each normalized as the analysis chain folds it
/// (<see cref="NewsAnalyzerFactory.NormalizeWord"/>: hamza and alef forms, ة/ه, ى/ي, diacritics, tatweel, digits), stop
/// words (the chain's list) dropped; a text is read as the set of its overlapping shingles of <see cref="ShingleWords"/>
/// words. For each hash function the signature keeps the smallest hash of any shingle; the share of positions where two
/// signatures agree estimates the Jaccard similarity of their shingle sets. A signature has two parts: the whole body
/// (<see cref="BodyHashes"/> values) and its lead (<see cref="LeadHashes"/> values over
/// <see cref="Schema.NewsDocumentMapper.Lead"/>), because an outlet that puts a new lead over its own earlier text is
/// telling a new story (see <c>Search.Querying/Collapsing/README.md</c>). Exact copies, and copies that differ only in
/// spelling variants, have equal signatures. Depends on the text alone, so it is the same whatever order articles are
/// indexed in.
/// </remarks>
public static class StorySignature
{
    /// <summary>Hash values over the whole body.</summary>
    public const int BodyHashes = 64;

    /// <summary>Hash values over the lead.</summary>
    public const int LeadHashes = 32;

    /// <summary>Words per shingle (after stop words are dropped). A lead with fewer words is one shingle.</summary>
    public const int ShingleWords = 3;

    /// <summary>
    /// Fewest words (after stop words) a body needs for a signature: a shorter one cannot tell one story from another.
    /// In news-full, eleven opinion pieces whose body is only the line "all published articles are their writers'
    /// opinion" would otherwise be one story.
    /// </summary>
    public const int MinWords = 10;

    /// <summary>Bytes in a signature: the body's then the lead's values, each a little-endian 32-bit integer.</summary>
    public const int Bytes = (BodyHashes + LeadHashes) * sizeof(uint);

    // Normalized word hashes by the word as written: words repeat, and normalizing each occurrence allocated several
    // strings per word. Per thread (each indexing thread has its own); emptied when full.
    private const int MaxCachedWords = 100_000;

    [ThreadStatic]
    private static Dictionary<string, ulong>? t_words;

    // Multiply-shift hashing (Dietzfelbinger et al.) of an already mixed 64-bit shingle hash: one odd multiplier and one
    // addend per function, drawn once from a fixed SplitMix64 stream so every build and process computes the same values.
    private static readonly (ulong Multiplier, ulong Addend)[] Functions = CreateFunctions();

    /// <summary>The signature of <paramref name="body"/>, or null when it has fewer than <see cref="MinWords"/> words outside the stop list.</summary>
    public static byte[]? Compute(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var words = Words(body);
        if (words.Count < MinWords)
        {
            return null;
        }

        var signature = new byte[Bytes];
        var span = signature.AsSpan();
        MinHash(words, span[..(BodyHashes * sizeof(uint))], 0);
        MinHash(Words(Schema.NewsDocumentMapper.Lead(body)), span[(BodyHashes * sizeof(uint))..], BodyHashes);
        return signature;
    }

    /// <summary>The share of the body's values where two signatures agree: an estimate of the Jaccard similarity of the bodies' shingles.</summary>
    public static double BodySimilarity(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) => Agreement(first, second, 0, BodyHashes);

    /// <summary>The same estimate for the leads.</summary>
    public static double LeadSimilarity(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) => Agreement(first, second, BodyHashes, LeadHashes);

    /// <summary>The body's 32-bit value at <paramref name="position"/> (0 to <see cref="BodyHashes"/> − 1) of a signature.</summary>
    public static uint ValueAt(ReadOnlySpan<byte> signature, int position) =>
        BinaryPrimitives.ReadUInt32LittleEndian(signature[(position * sizeof(uint))..]);

    private static double Agreement(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, int from, int count)
    {
        if (first.Length != Bytes || second.Length != Bytes)
        {
            return 0;
        }

        var agree = 0;
        for (var i = from; i < from + count; i++)
        {
            if (ValueAt(first, i) == ValueAt(second, i))
            {
                agree++;
            }
        }

        return agree / (double)count;
    }

    // The minimum over the text's shingles of each of `target.Length / 4` hash functions, starting at function `first`.
    private static void MinHash(List<ulong> words, Span<byte> target, int first)
    {
        var count = target.Length / sizeof(uint);
        Span<uint> minima = stackalloc uint[count];
        minima.Fill(uint.MaxValue);
        var width = Math.Min(ShingleWords, words.Count);
        for (var start = 0; width > 0 && start + width <= words.Count; start++)
        {
            var shingle = 0UL;
            for (var w = 0; w < width; w++)
            {
                shingle = Mix((shingle * 31) + words[start + w]);
            }

            for (var i = 0; i < count; i++)
            {
                var (multiplier, addend) = Functions[first + i];
                var value = (uint)(((shingle * multiplier) + addend) >> 32);
                if (value < minima[i])
                {
                    minima[i] = value;
                }
            }
        }

        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(target[(i * sizeof(uint))..], minima[i]);
        }
    }

    // The hashes of the text's normalized words, stop words left out, in order.
    private static List<ulong> Words(string text)
    {
        var cache = t_words ??= new Dictionary<string, ulong>(StringComparer.Ordinal);
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = new List<ulong>(text.Length / 6);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && IsWordChar(text[i]))
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                var raw = text.AsSpan(start, i - start);
                if (!lookup.TryGetValue(raw, out var hash))
                {
                    if (cache.Count >= MaxCachedWords)
                    {
                        cache.Clear();
                    }

                    hash = WordHash(raw.ToString());
                    lookup[raw] = hash;
                }

                if (hash != 0)
                {
                    words.Add(hash);
                }
            }

            start = -1;
        }

        return words;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

    // The mixed FNV-1a hash of the normalized word (stable across processes, unlike string.GetHashCode); 0 for a stop
    // word or a word that normalizes to nothing.
    private static ulong WordHash(string raw)
    {
        var word = NewsAnalyzerFactory.NormalizeWord(raw);
        if (word.Length == 0 || NewsAnalyzerFactory.StopWords.Contains(word))
        {
            return 0;
        }

        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Mix(hash) | 1UL;
    }

    // MurmurHash3's 64-bit finalizer.
    private static ulong Mix(ulong value)
    {
        value ^= value >> 33;
        value *= 0xff51afd7ed558ccdUL;
        value ^= value >> 33;
        value *= 0xc4ceb93fe53e86fdUL;
        return value ^ (value >> 33);
    }

    private static (ulong, ulong)[] CreateFunctions()
    {
        var state = 0x5EED_D0C5UL;
        var functions = new (ulong, ulong)[BodyHashes + LeadHashes];
        for (var i = 0; i < functions.Length; i++)
        {
            functions[i] = (Next(ref state) | 1UL, Next(ref state));
        }

        return functions;
    }

    private static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }
}
