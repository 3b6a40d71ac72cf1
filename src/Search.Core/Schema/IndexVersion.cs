using Lucene.Net.Util;

namespace Search.Core.Schema;

/// <summary>The versions an index is built with: Lucene's match version and our own schema version.</summary>
/// <remarks>
/// Any change to analysis or to how a field is indexed changes what an index means: bump <see cref="Schema"/>,
/// so that readers refuse an index written under the old rules instead of silently mis-ranking it.
/// </remarks>
public static class IndexVersion
{
    /// <summary>The one Lucene match version, referenced everywhere an API asks for one.</summary>
    public const LuceneVersion Lucene = LuceneVersion.LUCENE_48;

    /// <summary>Our schema version: fields, analysis chain, stored values.</summary>
    public const int Schema = 1;

    /// <summary>The commit user-data key that carries <see cref="Schema"/>.</summary>
    public const string SchemaKey = "search.schema";
}
