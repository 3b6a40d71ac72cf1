namespace Search.Querying.Spelling;

/// <summary>
/// The channel of the noisy-channel corrector: every word one slip away from a typed word, with how likely that slip
/// is (<see cref="Probability"/>), keeping those the language model has seen.
/// </summary>
/// <remarks>
/// Slips are made on the letters as typed (hamza forms kept: the key pressed matters, ؤ sits next to ر but ء does not),
/// then each candidate is normalized as the index normalizes words (<see cref="WordNormalizer"/>) and looked up by its
/// hash. A word of n letters has about 58n candidates (n deletions, n − 1 swaps, 28 substitutions and 29 insertions
/// per letter): for an eight-letter word some 470 lookups, tens of microseconds, and no string is made for a candidate
/// the model does not know. Probabilities are relative to typing the word as meant (1): the four slips readers make
/// most, a dropped, doubled or swapped letter and a neighbouring key, 1/50 each; a letter of the same sound or hamza
/// seat 1/100; an extra letter next to its key's neighbour 1/200; other extra letters 1/1000; other letters 1/2500.
/// </remarks>
internal static class ErrorModel
{
    /// <summary>The letters a slip may add or put in place of another (normalized forms: ة is ه, ى is ي, ؤ and ئ are ء).</summary>
    public const string Letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهويء";

    /// <summary>Longest typed word for which slips are generated.</summary>
    public const int MaxLength = 24;

    // Letters readers write for one another: hamza seats, teh marbuta as teh, and letters of one sound.
    private static readonly string[] SoundGroups = ["اءأإآ", "وؤء", "يئىء", "هةت", "سصث", "تط", "زذظ", "ضظد", "قك", "حه"];

    // Substitution's answer for every typed letter of the Arabic block and every letter of Letters, worked out once:
    // the candidates of a word ask it 29 times per letter.
    private static readonly SlipKind[,] Substitutions = SubstitutionTable();

    /// <summary>How likely a slip of <paramref name="kind"/> is, relative to typing the word as meant.</summary>
    public static double Probability(SlipKind kind) => kind switch
    {
        SlipKind.None => 1,
        SlipKind.Dropped or SlipKind.Doubled or SlipKind.Swapped or SlipKind.Neighbour => 1.0 / 50,
        SlipKind.SoundAlike => 1.0 / 100,
        SlipKind.FatFinger => 1.0 / 200,
        SlipKind.Inserted => 1.0 / 1000,
        _ => 1.0 / 2500,
    };

    /// <summary>
    /// The words one slip from <paramref name="typed"/> (its letters as typed, without harakat or tatweel) that
    /// <paramref name="isWord"/> accepts by hash, each with its likeliest slip; the typed word itself is left out.
    /// Without <paramref name="anyLetter"/>, a letter is only replaced by its keyboard neighbours and sound-alikes: the
    /// corrector asks so for a real word, which another letter (1/2500) could never outweigh, and it saves a third of
    /// the lookups.
    /// </summary>
    public static List<(string Word, ulong Hash, SlipKind Kind)> Slips(string typed, Func<ulong, bool> isWord, bool anyLetter = true)
    {
        var found = new Dictionary<ulong, (string Word, SlipKind Kind)>();
        if (typed.Length == 0 || typed.Length > MaxLength)
        {
            return [];
        }

        Span<char> raw = stackalloc char[MaxLength + 1];
        Span<char> normal = stackalloc char[2 * (MaxLength + 1)];
        var self = TermHash.Of(Normalize(typed, normal));
        void Offer(ReadOnlySpan<char> candidate, SlipKind kind, Span<char> buffer)
        {
            var word = Normalize(candidate, buffer);
            var hash = TermHash.Of(word);
            if (hash == self || !isWord(hash))
            {
                return;
            }

            if (!found.TryGetValue(hash, out var known) || Probability(kind) > Probability(known.Kind))
            {
                found[hash] = (known.Word ?? word.ToString(), kind);
            }
        }

        var n = typed.Length;
        for (var i = 0; i < n; i++)
        {
            // The typed letter i is extra.
            typed.AsSpan(0, i).CopyTo(raw);
            typed.AsSpan(i + 1).CopyTo(raw[i..]);
            Offer(raw[..(n - 1)], Extra(typed, i), normal);

            // Letters i and i + 1 swapped.
            if (i + 1 < n && typed[i] != typed[i + 1])
            {
                typed.AsSpan().CopyTo(raw);
                (raw[i], raw[i + 1]) = (raw[i + 1], raw[i]);
                Offer(raw[..n], SlipKind.Swapped, normal);
            }

            // Letter i typed for another.
            typed.AsSpan().CopyTo(raw);
            for (var l = 0; l < Letters.Length; l++)
            {
                var letter = Letters[l];
                var kind = typed[i] is >= '\u0600' and <= '\u06FF' ? Substitutions[typed[i] - '\u0600', l] : Substitution(typed[i], letter);
                if (anyLetter || kind is SlipKind.Neighbour or SlipKind.SoundAlike)
                {
                    raw[i] = letter;
                    Offer(raw[..n], kind, normal);
                }
            }
        }

        // A letter left out before position i.
        for (var i = 0; i <= n; i++)
        {
            typed.AsSpan(0, i).CopyTo(raw);
            typed.AsSpan(i).CopyTo(raw[(i + 1)..]);
            foreach (var letter in Letters)
            {
                raw[i] = letter;
                Offer(raw[..(n + 1)], SlipKind.Dropped, normal);
            }
        }

        return [.. found.Select(pair => (pair.Value.Word, pair.Key, pair.Value.Kind))];
    }

    /// <summary>The slip of typing <paramref name="typed"/> where <paramref name="meant"/> was meant (letters as typed).</summary>
    public static SlipKind Substitution(char typed, char meant)
    {
        if (WordNormalizer.Fold(typed) == WordNormalizer.Fold(meant))
        {
            return SlipKind.None;
        }

        if (KeyboardLayout.AreNeighbours(typed, meant) || HamzaSeats(meant).Any(seat => KeyboardLayout.AreNeighbours(typed, seat)))
        {
            return SlipKind.Neighbour;
        }

        return SoundGroups.Any(group => group.Contains(typed) && group.Contains(meant)) ? SlipKind.SoundAlike : SlipKind.Substituted;
    }

    private static SlipKind[,] SubstitutionTable()
    {
        var table = new SlipKind[0x100, Letters.Length];
        for (var typed = 0; typed < 0x100; typed++)
        {
            for (var l = 0; l < Letters.Length; l++)
            {
                table[typed, l] = Substitution((char)('\u0600' + typed), Letters[l]);
            }
        }

        return table;
    }

    // The letter at i of what was typed is one too many: a doubled letter, a hamza written where none is, a key
    // touching its neighbour's, or any letter.
    private static SlipKind Extra(string typed, int i)
    {
        var letter = WordNormalizer.Fold(typed[i]);
        bool Beside(Func<char, bool> test) => (i > 0 && test(typed[i - 1])) || (i + 1 < typed.Length && test(typed[i + 1]));
        if (Beside(c => WordNormalizer.Fold(c) == letter))
        {
            return SlipKind.Doubled;
        }

        if (letter == 'ء')
        {
            return SlipKind.SoundAlike;
        }

        return Beside(c => KeyboardLayout.AreNeighbours(c, typed[i])) ? SlipKind.FatFinger : SlipKind.Inserted;
    }

    // The keys that type a normalized letter: ء is typed on ء, ؤ and ئ; ه also as ة; ي also as ى.
    private static string HamzaSeats(char letter) => letter switch
    {
        'ء' => "ؤئ",
        'ه' => "ة",
        'ي' => "ى",
        _ => string.Empty,
    };

    private static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> letters, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in letters)
        {
            buffer[length++] = WordNormalizer.Fold(c);
        }

        return buffer[..length];
    }
}
