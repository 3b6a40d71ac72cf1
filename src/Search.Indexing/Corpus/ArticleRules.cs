using System.Globalization;

namespace Search.Indexing.Corpus;

/// <summary>The checks every article passes before it is indexed, shared by both readers so their reasons agree.</summary>
internal static class ArticleRules
{
    // Lucene refuses terms over 32,766 UTF-8 bytes and fails the whole document with them; ids, categories and
    // sources are single terms, so they are capped well below that (3 bytes per UTF-16 unit at most).
    public const int MaxIdChars = 512;
    public const int MaxExactValueChars = 1_000;

    public static string? CheckId(string? id) => CheckExactValue("id", id, MaxIdChars, required: true);

    public static string? CheckExactValue(string name, string? value) =>
        CheckExactValue(name, value, MaxExactValueChars, required: false);

    public static string? CheckBody(string? body, int maxBodyChars)
    {
        if (body is null)
        {
            return "missing \"body\"";
        }

        if (body.Length == 0)
        {
            return "empty \"body\"";
        }

        return body.Length > maxBodyChars
            ? string.Create(CultureInfo.InvariantCulture, $"body is {body.Length} characters; the limit is {maxBodyChars}")
            : null;
    }

    /// <summary>Null for a blank or whitespace-only value, otherwise the value trimmed.</summary>
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>A value quoted for a message, shortened so that a long bad value does not flood the report.</summary>
    public static string Quote(string value) =>
        value.Length <= 40 ? $"\"{value}\"" : $"\"{value.AsSpan(0, 40)}…\"";

    private static string? CheckExactValue(string name, string? value, int limit, bool required)
    {
        if (value is null)
        {
            return required ? $"missing \"{name}\"" : null;
        }

        if (value.Length == 0)
        {
            return required ? $"empty \"{name}\"" : null;
        }

        return value.Length > limit
            ? string.Create(CultureInfo.InvariantCulture, $"\"{name}\" is {value.Length} characters; the limit is {limit}")
            : null;
    }
}
