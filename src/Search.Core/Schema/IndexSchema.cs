using System.Globalization;
using Lucene.Net.Index;
using Search.Core.Analysis;

namespace Search.Core.Schema;

/// <summary>Reads and checks the schema version and analysis profile recorded in an index's commit user data.</summary>
public static class IndexSchema
{
    /// <summary>The commit user data that marks an index as ours, at the current schema version, with the default profile.</summary>
    public static IDictionary<string, string> CommitData() => CommitDataFor(AnalysisProfile.Default);

    /// <summary>The commit user data of an index analyzed with <paramref name="profile"/>.</summary>
    public static IDictionary<string, string> CommitDataFor(AnalysisProfile profile) => new Dictionary<string, string>
    {
        [IndexVersion.SchemaKey] = IndexVersion.Schema.ToString(CultureInfo.InvariantCulture),
        [IndexVersion.AnalysisKey] = profile.Name,
    };

    /// <summary>The schema version a commit was written with, or null when it carries none.</summary>
    public static int? ReadVersion(IndexCommit commit)
    {
        return commit.UserData.TryGetValue(IndexVersion.SchemaKey, out var text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                ? version
                : null;
    }

    /// <summary>The analysis profile a commit was written with; the default when it names none.</summary>
    public static AnalysisProfile? ReadProfile(IndexCommit commit) =>
        commit.UserData.TryGetValue(IndexVersion.AnalysisKey, out var name) ? AnalysisProfile.Find(name) : AnalysisProfile.Default;

    /// <summary>Null when the commit's schema version is ours, otherwise a message that says what to do.</summary>
    public static string? Check(IndexCommit commit, string location)
    {
        var version = ReadVersion(commit);
        if (version == IndexVersion.Schema)
        {
            return null;
        }

        var found = version is null ? "no schema version" : $"schema version {version}";
        return $"The index at {location} has {found}; this build reads schema version {IndexVersion.Schema}. "
            + "Rebuild it with: search reindex <corpus>...";
    }

    /// <summary>
    /// Null when the commit's schema version is ours and it was analyzed with <paramref name="profile"/>, otherwise a
    /// message that says what to do: a query analyzed with another chain than the index would silently mis-rank.
    /// </summary>
    public static string? CheckFor(IndexCommit commit, string location, AnalysisProfile profile)
    {
        if (Check(commit, location) is { } problem)
        {
            return problem;
        }

        var found = ReadProfile(commit);
        return found == profile
            ? null
            : $"The index at {location} was analyzed with the \"{found?.Name ?? commit.UserData[IndexVersion.AnalysisKey]}\" profile; "
                + $"the ranking configuration needs \"{profile.Name}\". Rebuild it for that configuration with: "
                + "search reindex <corpus>... --config <the configuration>";
    }
}
