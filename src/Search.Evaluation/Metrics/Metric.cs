using System.Globalization;

namespace Search.Evaluation.Metrics;

/// <summary>A measure and its cutoff, written as on the command line: <c>ndcg@10</c>, <c>map</c>, <c>mrr@10</c>, <c>p@10</c>, <c>recall@100</c>.</summary>
/// <param name="Kind">The measure.</param>
/// <param name="Cutoff">Depth k; null for the whole ranked list (not allowed for P and recall).</param>
public sealed record Metric(MetricKind Kind, int? Cutoff)
{
    /// <summary>The metrics <c>eval</c> reports when none are asked for.</summary>
    public static IReadOnlyList<Metric> Defaults { get; } =
        [new(MetricKind.Ndcg, 10), new(MetricKind.Map, null), new(MetricKind.Mrr, 10), new(MetricKind.Precision, 10), new(MetricKind.Recall, 100)];

    /// <summary>The name as written: lower case, <c>@k</c> for a cutoff.</summary>
    public string Name
    {
        get
        {
            var stem = Kind switch
            {
                MetricKind.Ndcg => "ndcg",
                MetricKind.Map => "map",
                MetricKind.Mrr => "mrr",
                MetricKind.Precision => "p",
                _ => "recall",
            };
            return Cutoff is { } k ? string.Create(CultureInfo.InvariantCulture, $"{stem}@{k}") : stem;
        }
    }

    /// <summary>Parses one name (<c>ndcg@10</c>, <c>map</c>, <c>map@100</c>, <c>mrr</c>, <c>p@5</c>, <c>r@100</c>, <c>recall@1000</c>); case-insensitive.</summary>
    public static bool TryParse(string text, out Metric? metric, out string? error)
    {
        metric = null;
        var parts = text.Trim().ToLowerInvariant().Split('@');
        MetricKind? kind = parts[0] switch
        {
            "ndcg" => MetricKind.Ndcg,
            "map" or "ap" => MetricKind.Map,
            "mrr" or "rr" or "recip_rank" => MetricKind.Mrr,
            "p" or "precision" => MetricKind.Precision,
            "r" or "recall" => MetricKind.Recall,
            _ => null,
        };
        if (kind is null || parts.Length > 2)
        {
            error = $"unknown metric \"{text}\" (known: ndcg@k, map, map@k, mrr@k, p@k, recall@k)";
            return false;
        }

        int? cutoff = null;
        if (parts.Length == 2)
        {
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k < 1)
            {
                error = $"metric \"{text}\": the cutoff must be a positive integer";
                return false;
            }

            cutoff = k;
        }
        else if (kind is MetricKind.Precision or MetricKind.Recall)
        {
            error = $"metric \"{text}\" needs a cutoff, e.g. {parts[0]}@10";
            return false;
        }

        metric = new Metric(kind.Value, cutoff);
        error = null;
        return true;
    }

    /// <summary>Parses a comma-separated list; the errors name each bad entry.</summary>
    public static IReadOnlyList<Metric> ParseList(string text, out IReadOnlyList<string> errors)
    {
        var metrics = new List<Metric>();
        var problems = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParse(part, out var metric, out var error))
            {
                metrics.Add(metric!);
            }
            else
            {
                problems.Add(error!);
            }
        }

        errors = problems;
        return metrics;
    }
}
