using System.Globalization;
using Search.Api.Judging;
using Search.Querying;

namespace Search.Api.Endpoints;

/// <summary>Binds the workbench's query parameters; each problem is keyed by the parameter's name (a 400 validation problem).</summary>
internal static class JudgingParameters
{
    public const int DefaultSize = 10;

    /// <summary>Hits per list: an integer 1–100, default 10.</summary>
    public static int Size(string? size, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(size))
        {
            return DefaultSize;
        }

        if (int.TryParse(size.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value is >= 1 and <= SearchLimits.MaxPageSize)
        {
            return value;
        }

        errors["size"] = [$"size must be an integer between 1 and {SearchLimits.MaxPageSize}."];
        return DefaultSize;
    }

    /// <summary>A ranking that can run on the served index: the named one, or the served one when <paramref name="value"/> is empty.</summary>
    public static RankingWeights? Ranking(string parameter, string? value, RankingCatalog catalog, Dictionary<string, string[]> errors)
    {
        var name = string.IsNullOrWhiteSpace(value) ? catalog.Current : value.Trim();
        if (JudgingRules.NameProblem(name) is { } problem)
        {
            errors[parameter] = [$"{parameter} {problem}"];
            return null;
        }

        switch (catalog.Find(name))
        {
            case null:
                errors[parameter] = [$"There is no ranking configuration \"{name}\"; GET /judge/api/rankings lists them."];
                return null;
            case { Available: false } entry:
                errors[parameter] = [$"The ranking configuration \"{name}\" cannot run here: {entry.Reason}"];
                return null;
            case var entry:
                return entry.Weights;
        }
    }

    /// <summary>A required ranking name (a 400 when missing).</summary>
    public static RankingWeights? RequiredRanking(string parameter, string? value, RankingCatalog catalog, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[parameter] = [$"{parameter} is required: the name of a ranking configuration (GET /judge/api/rankings)."];
            return null;
        }

        return Ranking(parameter, value, catalog, errors);
    }

    /// <summary>
    /// The query of a request: q (the text) and/or qid (its id). Text only: the id is derived from it
    /// (<see cref="JudgingRules.AdHocQueryId"/>). Id only: the text is looked up later (404 when unknown).
    /// </summary>
    public static (string? Text, string? Id) Query(string? q, string? qid, Dictionary<string, string[]> errors)
    {
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var id = string.IsNullOrWhiteSpace(qid) ? null : qid.Trim();
        if (text is null && id is null)
        {
            errors["q"] = ["Give q (a query text) or qid (the id of a query of a set or of a judged query)."];
            return (null, null);
        }

        if (text is not null && JudgingRules.QueryTextProblem(text) is { } textProblem)
        {
            errors["q"] = [$"q {textProblem}"];
        }

        if (id is not null && JudgingRules.QueryIdProblem(id) is { } idProblem)
        {
            errors["qid"] = [$"qid {idProblem}"];
        }
        else if (id is not null && text is not null && JudgingRules.AdHocMismatch(id, text) is { } mismatch)
        {
            errors["qid"] = [mismatch];
        }

        return (text, id ?? (text is null ? null : JudgingRules.AdHocQueryId(text)));
    }

    /// <summary>A query set name, when given.</summary>
    public static string? SetName(string parameter, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (JudgingRules.NameProblem(value.Trim()) is { } problem)
        {
            errors[parameter] = [$"{parameter} {problem}"];
            return null;
        }

        return value.Trim();
    }
}
