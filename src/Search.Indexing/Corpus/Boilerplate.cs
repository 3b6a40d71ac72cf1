using System.Globalization;
using System.Text;

namespace Search.Indexing.Corpus;

/// <summary>The site boilerplate that scraped news pages end with, kept in one list, and the rule that strips it.</summary>
/// <remarks>
/// <para>
/// Two kinds of line. A <see cref="TailMarkers">tail marker</see> ("مقالات ذات صلة", "اترك تعليقاً", a comment form's
/// notice) starts the page's tail: everything from it on is related-article titles and comment forms, which look like
/// ordinary sentences, so the whole rest is cut. A <see cref="TrailingLines">trailing line</see> (share buttons,
/// "زر الذهاب إلى الأعلى", form labels) is boilerplate on its own and is dropped while it ends the page.
/// </para>
/// <para>
/// Lines are compared whole, after folding what varies between scrapes: harakat, tatweel, hamza seats on alef, ى/ي,
/// ة/ه, punctuation (including a trailing <c>*</c> or <c>:</c>), case and runs of spaces. A body paragraph that merely
/// contains these words in a longer sentence is never removed, and the first body paragraph is never taken for a
/// tail marker.
/// </para>
/// </remarks>
public static class Boilerplate
{
    /// <summary>Lines that start the tail of a page: the line and everything after it are removed.</summary>
    public static IReadOnlyList<string> TailMarkers { get; } =
    [
        "مقالات ذات صلة",
        "مواضيع ذات صلة",
        "أخبار ذات صلة",
        "اترك تعليقاً",
        "اترك تعليقا",
        "اترك رداً",
        "أضف تعليق",
        "أضف تعليقاً",
        "التعليقات",
        "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
        "Related Articles",
        "Related Posts",
        "Leave a Reply",
        "Leave a Comment",
    ];

    /// <summary>Lines that are boilerplate on their own: removed from the end of the page, one after another.</summary>
    public static IReadOnlyList<string> TrailingLines { get; } =
    [
        "زر الذهاب إلى الأعلى",
        "العودة إلى الأعلى",
        "Back to top button",
        "التعليق",
        "الاسم *",
        "البريد الإلكتروني *",
        "الموقع الإلكتروني",
        "احفظ اسمي، بريدي الإلكتروني، والموقع الإلكتروني في هذا المتصفح لاستخدامها المرة المقبلة في تعليقي.",
        "إرسال التعليق",
        "اقرأ أيضا",
        "اقرأ أيضاً",
        "اقرأ المزيد",
        "شارك",
        "شاركها",
        "شارك هذا المقال",
        "فيسبوك",
        "تويتر",
        "واتساب",
        "تيلقرام",
        "تيليجرام",
        "تلغرام",
        "لينكدإن",
        "بينتيريست",
        "ماسنجر",
        "طباعة",
        "Share",
        "Facebook",
        "Twitter",
        "WhatsApp",
        "Telegram",
        "LinkedIn",
        "Pinterest",
    ];

    private static readonly HashSet<string> Markers = NormalizeAll(TailMarkers);

    private static readonly HashSet<string> Lines = NormalizeAll(TailMarkers.Concat(TrailingLines));

    // A share bar scraped as one line ("شارك فيسبوك تويتر واتساب") is made only of single-word trailing lines.
    private static readonly HashSet<string> ShareWords = new(
        Lines.Where(line => !line.Contains(' ', StringComparison.Ordinal)), StringComparer.Ordinal);

    /// <summary>
    /// Removes the boilerplate tail from a page's body paragraphs (title excluded), in place; returns how many
    /// paragraphs were removed.
    /// </summary>
    public static int StripTail(IList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var count = paragraphs.Count;
        for (var i = 1; i < paragraphs.Count; i++)
        {
            if (IsTailMarker(paragraphs[i]))
            {
                RemoveFrom(paragraphs, i);
                break;
            }
        }

        while (paragraphs.Count > 0 && IsBoilerplateLine(paragraphs[^1]))
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        return count - paragraphs.Count;
    }

    /// <summary>True when the whole line is a tail marker, spelling variants included.</summary>
    public static bool IsTailMarker(string line) => Markers.Contains(Normalize(line));

    /// <summary>True when the whole line is boilerplate: a tail marker, a trailing line or a bar of share buttons.</summary>
    public static bool IsBoilerplateLine(string line)
    {
        var normalized = Normalize(line);
        if (normalized.Length == 0 || Lines.Contains(normalized))
        {
            return true;
        }

        foreach (var word in normalized.Split(' '))
        {
            if (!ShareWords.Contains(word))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The form lines are compared in: folded letters, no marks, punctuation as single spaces, trimmed.</summary>
    internal static string Normalize(string line)
    {
        var builder = new StringBuilder(line.Length);
        var pendingSpace = false;
        foreach (var c in line)
        {
            if (c is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640' || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(Fold(c));
        }

        return builder.ToString();
    }

    private static char Fold(char c) => c switch
    {
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        _ => char.ToLowerInvariant(c),
    };

    private static void RemoveFrom(IList<string> paragraphs, int index)
    {
        for (var i = paragraphs.Count - 1; i >= index; i--)
        {
            paragraphs.RemoveAt(i);
        }
    }

    private static HashSet<string> NormalizeAll(IEnumerable<string> lines) =>
        new(lines.Select(Normalize), StringComparer.Ordinal);
}
