using System.Globalization;
using Lucene.Net.Index;

namespace Search.Core.Schema;

/// <summary>Reads and checks the schema version recorded in an index's commit user data.</summary>
public static class IndexSchema
{
    /// <summary>The commit user data that marks an index as ours, at the current schema version.</summary>
    public static IDictionary<string, string> CommitData() => new Dictionary<string, string>
    {
        [IndexVersion.SchemaKey] = IndexVersion.Schema.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The schema version a commit was written with, or null when it carries none.</summary>
    public static int? ReadVersion(IndexCommit commit)
    {
        return commit.UserData.TryGetValue(IndexVersion.SchemaKey, out var text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                ? version
                : null;
    }

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
}
