namespace Search.Querying.Spelling;

/// <summary>Which letters sit next to each other on the standard Arabic keyboard (Windows Arabic 101, macOS Arabic PC).</summary>
/// <remarks>
/// Rows as printed on the keys, left to right (ذ on the key left of 1):
/// <code>
///  ض ص ث ق ف غ ع ه خ ح ج د
///   ش س ي ب ل ا ت ن م ك ط
///    ئ ء ؤ ر لا ى ة و ز ظ
/// </code>
/// Two keys are neighbours when they touch: side by side in a row, or across rows as the rows are staggered (a key of
/// the middle row touches the two above it and the two below it). The لا key types two letters and is nobody's
/// neighbour, and the keys either side of it count as neighbours too (ر and ى), as a finger slides over it.
/// Hamza forms typed with Shift (أ إ آ on the alef key) are placed on their base key.
/// </remarks>
internal static class KeyboardLayout
{
    private const string Top = "ضصثقفغعهخحجد";
    private const string Middle = "شسيبلاتنمكط";

    // '\0' marks the لا key.
    private const string Bottom = "ئءؤر\0ىةوزظ";

    private static readonly Dictionary<char, HashSet<char>> Neighbours = Build();

    /// <summary>True when the keys of <paramref name="a"/> and <paramref name="b"/> touch.</summary>
    public static bool AreNeighbours(char a, char b) =>
        Neighbours.TryGetValue(Key(a), out var set) && set.Contains(Key(b));

    // Letters typed with Shift on another letter's key.
    private static char Key(char c) => c switch
    {
        'أ' or 'إ' or 'آ' => 'ا',
        _ => c,
    };

    private static Dictionary<char, HashSet<char>> Build()
    {
        var neighbours = new Dictionary<char, HashSet<char>>();
        void Link(char a, char b)
        {
            if (a == '\0' || b == '\0' || a == b)
            {
                return;
            }

            (neighbours.TryGetValue(a, out var x) ? x : neighbours[a] = []).Add(b);
            (neighbours.TryGetValue(b, out var y) ? y : neighbours[b] = []).Add(a);
        }

        foreach (var row in new[] { Top, Middle, Bottom })
        {
            for (var i = 0; i + 1 < row.Length; i++)
            {
                Link(row[i], row[i + 1]);
            }
        }

        Link('ر', 'ى'); // either side of لا
        Link('ذ', 'ض');
        for (var i = 0; i < Middle.Length; i++)
        {
            foreach (var j in new[] { i, i + 1 })
            {
                if (j < Top.Length)
                {
                    Link(Middle[i], Top[j]);
                }
            }

            foreach (var j in new[] { i - 1, i })
            {
                if (j >= 0 && j < Bottom.Length)
                {
                    Link(Middle[i], Bottom[j]);
                }
            }
        }

        return neighbours;
    }
}
