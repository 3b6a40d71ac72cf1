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
    /// <remarks>3 (#3): lead fields, the news profile's folding, stemmer and proclitic variants, the analysis profile in the commit;
    /// the month facet field (#4). 4 (#4): headline and id as binary doc values, read by the suggestion dictionary.
    /// 5 (#3, second round): the heavy-stemmed recall field <c>body.root</c>. 6 (#6): offsets in the postings of
    /// <c>body</c>, read by snippets. 7 (#17, #21): positions only in the stemmed title and body, the exact, lead and
    /// root fields with frequencies, <c>body.root</c> only where a heavy stem is not a light stem; the story signature in
    /// binary doc values, read to show one hit per story.</remarks>
    public const int Schema = 7;

    /// <summary>The commit user-data key that carries <see cref="Schema"/>.</summary>
    public const string SchemaKey = "search.schema";

    /// <summary>The commit user-data key that carries the index's analysis profile name (<c>news</c>, <c>stock</c>).</summary>
    public const string AnalysisKey = "search.analysis";
}
