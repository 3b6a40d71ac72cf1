namespace Search.Querying.Variants;

/// <summary>
/// The consonant skeleton of a normalized word: what transliterations of one foreign name share (#18). Long vowels
/// ا و ي are left out, and letters that render one foreign sound fold together: غ ج ق (g), ت ط (t), س ص (s), ز ذ ظ (z).
/// </summary>
/// <remarks>ترامب and ترمب are ترمب; غوغل and جوجل are غغل; بريكست and بريكسيت are بركست.</remarks>
public static class Skeleton
{
    /// <summary>The skeleton of <paramref name="word"/> (normalized: ة as ه, ى as ي, hamza seats as ء).</summary>
    public static string Of(string word) => string.Concat(word.Where(c => c is not ('ا' or 'و' or 'ي')).Select(Class));

    /// <summary>The letter standing for <paramref name="letter"/>'s class (itself when it has none).</summary>
    public static char Class(char letter) => letter switch
    {
        'غ' or 'ج' or 'ق' => 'غ',
        'ت' or 'ط' => 'ت',
        'س' or 'ص' => 'س',
        'ز' or 'ذ' or 'ظ' => 'ز',
        _ => letter,
    };
}
