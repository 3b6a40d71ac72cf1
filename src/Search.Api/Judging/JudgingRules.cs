using System.Security.Cryptography;
using System.Text;
using Search.Querying;

namespace Search.Api.Judging;

/// <summary>
/// What the workbench accepts as names, ids, grades and texts. Ids must survive a TREC qrels line (whitespace-separated
/// columns), so they carry no whitespace or control characters; names of query sets and rankings are plain ASCII.
/// </summary>
public static class JudgingRules
{
    /// <summary>Longest query id.</summary>
    public const int MaxQueryIdLength = 128;

    /// <summary>Longest document id (the indexer's limit).</summary>
    public const int MaxDocIdLength = 512;

    /// <summary>Longest name of a query set or ranking configuration.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Most queries in an uploaded set.</summary>
    public const int MaxQueriesPerSet = 10_000;

    /// <summary>The judging scale: 0 not relevant, 1 related, 2 relevant, 3 the story itself.</summary>
    public const int MinGrade = 0;

    /// <summary>The top of the judging scale.</summary>
    public const int MaxGrade = 3;

    /// <summary>The prefix of ids derived from typed queries.</summary>
    public const string AdHocPrefix = "q-";

    /// <summary>
    /// The id of a typed query that belongs to no set: <c>q-</c> and the first 10 hex digits of the SHA-256 of the
    /// trimmed text in UTF-8, so the same text always meets its judgments again.
    /// </summary>
    public static string AdHocQueryId(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim()));
        return AdHocPrefix + Convert.ToHexStringLower(hash)[..10];
    }

    /// <summary>Why <paramref name="name"/> cannot name a query set or ranking ([A-Za-z0-9._-], 1–64), or null.</summary>
    public static string? NameProblem(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? null
            : $"must be 1–{MaxNameLength} characters of A–Z, a–z, 0–9, '.', '_' or '-'.";

    /// <summary>Why <paramref name="id"/> cannot be a query id, or null.</summary>
    public static string? QueryIdProblem(string? id) => IdProblem(id, MaxQueryIdLength);

    /// <summary>Why <paramref name="id"/> cannot be a document id in a judgment, or null.</summary>
    public static string? DocIdProblem(string? id) => IdProblem(id, MaxDocIdLength);

    /// <summary>Why <paramref name="text"/> cannot be a query text (empty, too long, control characters), or null.</summary>
    public static string? QueryTextProblem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "must not be empty.";
        }

        if (text.Length > SearchLimits.MaxQueryLength)
        {
            return $"must be at most {SearchLimits.MaxQueryLength} characters.";
        }

        if (text.Any(char.IsControl))
        {
            return "must not contain control characters.";
        }

        return HasLoneSurrogate(text) ? "must be valid Unicode text." : null;
    }

    /// <summary>Why <paramref name="grade"/> is off the scale, or null.</summary>
    public static string? GradeProblem(int grade) =>
        grade is >= MinGrade and <= MaxGrade ? null : $"must be an integer from {MinGrade} to {MaxGrade}.";

    /// <summary>
    /// Why a query id and a text do not belong together, or null: an id of the derived form (<c>q-</c> and 10 hex
    /// digits) must be the one derived from the text, so a typed query's judgments cannot be filed under another text.
    /// </summary>
    public static string? AdHocMismatch(string queryId, string text) =>
        IsAdHocForm(queryId) && !string.Equals(queryId, AdHocQueryId(text), StringComparison.Ordinal)
            ? $"{queryId} is the id of another typed query; the id of this text is {AdHocQueryId(text)}."
            : null;

    private static bool IsAdHocForm(string id) =>
        id.Length == AdHocPrefix.Length + 10
        && id.StartsWith(AdHocPrefix, StringComparison.Ordinal)
        && id.AsSpan(AdHocPrefix.Length).ContainsAnyExcept("0123456789abcdef") is false;

    private static string? IdProblem(string? id, int maxLength)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "must not be empty.";
        }

        if (id.Length > maxLength)
        {
            return $"must be at most {maxLength} characters.";
        }

        if (id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "must not contain whitespace or control characters.";
        }

        return HasLoneSurrogate(id) ? "must be valid Unicode text." : null;
    }

    // A lone surrogate has no UTF-8 form: stored in SQLite it would come back as U+FFFD, another id.
    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
