using System.Text.Json;
using System.Text.Json.Serialization;
using Search.Core.Analysis;

namespace Search.Querying.Ranking;

/// <summary>Loads a ranking configuration by name (<c>default</c>, <c>stock</c>: embedded) or from a JSON file path.</summary>
public static class RankingConfigLoader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    private static readonly Lazy<RankingWeights> DefaultConfig = new(() => Load("default"));

    /// <summary>The names of the embedded configurations.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = ["default", "stock"];

    /// <summary>The shipped default configuration.</summary>
    public static RankingWeights Default => DefaultConfig.Value;

    /// <summary>
    /// The configuration named <paramref name="nameOrPath"/>: a built-in name, or a path to a JSON file (its name,
    /// unless the file sets one, is the file name without extension).
    /// </summary>
    /// <exception cref="RankingConfigException">Unknown name, unreadable file, invalid JSON, unknown property or analysis profile, or a bad value.</exception>
    public static RankingWeights Load(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        var builtIn = BuiltInNames.FirstOrDefault(n => string.Equals(n, nameOrPath.Trim(), StringComparison.OrdinalIgnoreCase));
        string json;
        string name;
        if (builtIn is not null)
        {
            using var stream = typeof(RankingConfigLoader).Assembly.GetManifestResourceStream($"Search.Querying.Ranking.{builtIn}.json")
                ?? throw new RankingConfigException($"The built-in ranking configuration \"{builtIn}\" is missing from the assembly.");
            using var reader = new StreamReader(stream);
            json = reader.ReadToEnd();
            name = builtIn;
        }
        else if (File.Exists(nameOrPath))
        {
            try
            {
                json = File.ReadAllText(nameOrPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new RankingConfigException($"{nameOrPath}: {e.Message}");
            }

            name = Path.GetFileNameWithoutExtension(nameOrPath);
        }
        else
        {
            throw new RankingConfigException(
                $"No ranking configuration \"{nameOrPath}\": give a built-in name ({string.Join(", ", BuiltInNames)}) or a JSON file path.");
        }

        return Parse(json, name, nameOrPath);
    }

    /// <summary>Parses configuration JSON; <paramref name="name"/> is used when the JSON sets none.</summary>
    public static RankingWeights Parse(string json, string name, string source)
    {
        RankingWeights? weights;
        try
        {
            weights = JsonSerializer.Deserialize<RankingWeights>(json, Options);
        }
        catch (JsonException e)
        {
            throw new RankingConfigException($"{source}: {e.Message}");
        }

        if (weights is null)
        {
            throw new RankingConfigException($"{source}: the configuration is empty.");
        }

        if (json.Contains("\"name\"", StringComparison.OrdinalIgnoreCase) is false)
        {
            weights = weights with { Name = name };
        }

        var problems = Validate(weights);
        return problems.Count == 0 ? weights : throw new RankingConfigException($"{source}: {string.Join(" ", problems)}");
    }

    private static List<string> Validate(RankingWeights w)
    {
        var problems = new List<string>();
        if (AnalysisProfile.Find(w.Analysis) is null)
        {
            problems.Add($"analysis \"{w.Analysis}\" is not a profile ({string.Join(", ", AnalysisProfile.All.Select(p => p.Name))}).");
        }

        foreach (var (field, value) in new[]
        {
            ("title", w.Title), ("titleExact", w.TitleExact), ("body", w.Body), ("bodyExact", w.BodyExact), ("bodyRoot", w.BodyRoot),
            ("lead", w.Lead), ("leadExact", w.LeadExact), ("matchedWordBonus", w.MatchedWordBonus), ("coord", w.Coord),
            ("phraseBoost", w.PhraseBoost), ("proximityBoost", w.ProximityBoost), ("k1", w.K1),
        })
        {
            if (!float.IsFinite(value) || value < 0)
            {
                problems.Add($"{field} must be a number ≥ 0.");
            }
        }

        if (w.Title + w.TitleExact + w.Body + w.BodyExact + w.BodyRoot + w.Lead + w.LeadExact <= 0)
        {
            problems.Add("at least one field weight must be above 0.");
        }

        if (w.Syntax is not (RankingWeights.FullSyntax or RankingWeights.LooseSyntax or RankingWeights.PlainSyntax))
        {
            problems.Add($"syntax \"{w.Syntax}\" must be full, loose or plain.");
        }

        if (w.TieBreaker is < 0 or > 1)
        {
            problems.Add("tieBreaker must be between 0 and 1.");
        }

        if (w.B is < 0 or > 1)
        {
            problems.Add("b must be between 0 and 1.");
        }

        if (w.ProximitySlop is < 0 or > 50)
        {
            problems.Add("proximitySlop must be between 0 and 50.");
        }

        if (w.QueryStopWords is null || w.QueryStopWords.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("queryStopWords must be a list of words.");
        }

        if (w.RescoreDepth is < 0 or > SearchLimits.MaxResultWindow)
        {
            problems.Add($"rescoreDepth must be between 0 (one phase) and {SearchLimits.MaxResultWindow}.");
        }

        if (!MinimumShouldMatch.TryParse(w.MinimumShouldMatch, out _))
        {
            problems.Add($"minimumShouldMatch \"{w.MinimumShouldMatch}\" is not a count (2, -1) or a percentage (60%, -25%).");
        }

        return problems;
    }
}
