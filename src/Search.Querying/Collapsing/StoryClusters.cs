using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Dedup;
using Search.Core.Schema;

namespace Search.Querying.Collapsing;

/// <summary>The copies of one story among the live articles of one index reader: a cluster number per document.</summary>
/// <remarks>
/// Built once per reader (the searcher factory builds it when a refresh opens the reader, so no request waits) from
/// the <see cref="NewsFields.StorySignature"/> doc values of the live documents. Candidates are found by locality-
/// sensitive hashing (<see cref="Bands"/> bands of <see cref="Rows"/> signature values: two articles that agree on every
/// value of one band are compared), and a candidate pair is a copy when <see cref="IsCopy"/> holds; clusters are the
/// connected components of copies (union-find). Membership depends only on which documents are live and what they
/// say, never on the order they were indexed in, and a deleted copy leaves the cluster at the next reader.
/// </remarks>
internal sealed class StoryClusters
{
    /// <summary>Bands of the body signature; with <see cref="Rows"/>, a pair of similarity 0.6 is compared with probability 0.99, 0.3 with 0.42.</summary>
    public const int Bands = 21;

    /// <summary>Signature values per band.</summary>
    public const int Rows = 3;

    /// <summary>Body similarity (share of agreeing signature values) from which two articles can be copies (measured on news-full, see README).</summary>
    public const double MinBodySimilarity = 0.6;

    /// <summary>Lead similarity two articles of one source must also reach: an outlet reusing its own text under a new lead tells a new story.</summary>
    public const double MinLeadSimilarity = 0.5;

    private static readonly ConditionalWeakTable<IndexReader, Lazy<StoryClusters>> ByReader = new();

    private readonly int[] _clusterOf;
    private readonly int[][] _members;

    private StoryClusters(int[] clusterOf, int[][] members)
    {
        _clusterOf = clusterOf;
        _members = members;
    }

    /// <summary>Number of clusters (stories with two or more live articles).</summary>
    public int Count => _members.Length;

    /// <summary>Live articles that belong to a cluster.</summary>
    public int ClusteredDocuments => _members.Sum(members => members.Length);

    /// <summary>The clusters of <paramref name="reader"/>'s live documents, built on first use and kept while the reader lives.</summary>
    public static StoryClusters For(IndexReader reader) =>
        ByReader.GetValue(reader, key => new Lazy<StoryClusters>(() => Build(key))).Value;

    /// <summary>The cluster of a top-level doc id, or −1 when the article has no live copy.</summary>
    public int ClusterOf(int doc) => doc < _clusterOf.Length ? _clusterOf[doc] : -1;

    /// <summary>The top-level doc ids of a cluster's live articles, in doc id order.</summary>
    public IReadOnlyList<int> Members(int cluster) => _members[cluster];

    /// <summary>
    /// Whether two signatures (and the articles' sources, null when unknown) mark copies of one story: bodies at least
    /// <see cref="MinBodySimilarity"/> alike, and for one source (or none known) leads at least <see cref="MinLeadSimilarity"/> alike.
    /// </summary>
    public static bool IsCopy(ReadOnlySpan<byte> first, string? firstSource, ReadOnlySpan<byte> second, string? secondSource)
    {
        if (StorySignature.BodySimilarity(first, second) < MinBodySimilarity)
        {
            return false;
        }

        var otherSource = firstSource is not null && secondSource is not null && !string.Equals(firstSource, secondSource, StringComparison.Ordinal);
        return otherSource || StorySignature.LeadSimilarity(first, second) >= MinLeadSimilarity;
    }

    private static StoryClusters Build(IndexReader reader)
    {
        var maxDoc = reader.MaxDoc;
        var signatures = new byte[maxDoc][];
        var sources = new string?[maxDoc];
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var values = segment.GetBinaryDocValues(NewsFields.StorySignature);
            var present = segment.GetDocsWithField(NewsFields.StorySignature);
            if (values is null || present is null)
            {
                continue;
            }

            var sourceValues = segment.GetSortedSetDocValues(NewsFields.Source);
            var sourceNames = sourceValues is null ? [] : FacetOrdinals.Values(segment, NewsFields.Source, sourceValues);
            var live = segment.LiveDocs;
            var bytes = new BytesRef();
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if ((live is not null && !live.Get(doc)) || !present.Get(doc))
                {
                    continue;
                }

                values.Get(doc, bytes);
                if (bytes.Length != StorySignature.Bytes)
                {
                    continue;
                }

                var global = leaf.DocBase + doc;
                signatures[global] = bytes.Bytes.AsSpan(bytes.Offset, bytes.Length).ToArray();
                if (sourceValues is not null)
                {
                    sourceValues.SetDocument(doc);
                    var ord = sourceValues.NextOrd();
                    sources[global] = ord == SortedSetDocValues.NO_MORE_ORDS ? null : sourceNames[ord];
                }
            }
        }

        return Group(signatures, sources);
    }

    // Locality-sensitive hashing over the bands, each candidate pair checked, copies joined.
    private static StoryClusters Group(byte[][] signatures, string?[] sources)
    {
        var parents = new int[signatures.Length];
        for (var doc = 0; doc < parents.Length; doc++)
        {
            parents[doc] = doc;
        }

        var next = new int[signatures.Length];
        var heads = new Dictionary<ulong, int>();
        for (var band = 0; band < Bands; band++)
        {
            heads.Clear();
            for (var doc = 0; doc < signatures.Length; doc++)
            {
                if (signatures[doc] is not { } signature)
                {
                    continue;
                }

                var key = BandKey(signature, band);
                next[doc] = heads.TryGetValue(key, out var head) ? head : -1;
                heads[key] = doc;
                for (var other = next[doc]; other >= 0; other = next[other])
                {
                    if (Find(parents, other) != Find(parents, doc) && IsCopy(signature, sources[doc], signatures[other], sources[other]))
                    {
                        parents[Find(parents, other)] = Find(parents, doc);
                    }
                }
            }
        }

        // Components of two or more documents become clusters, numbered in order of their first document.
        var sizes = new int[signatures.Length];
        for (var doc = 0; doc < signatures.Length; doc++)
        {
            sizes[Find(parents, doc)]++;
        }

        var clusterOf = new int[signatures.Length];
        var numbers = new Dictionary<int, int>();
        var clusters = new List<List<int>>();
        for (var doc = 0; doc < signatures.Length; doc++)
        {
            var root = Find(parents, doc);
            if (sizes[root] < 2)
            {
                clusterOf[doc] = -1;
                continue;
            }

            if (!numbers.TryGetValue(root, out var number))
            {
                numbers[root] = number = clusters.Count;
                clusters.Add(new List<int>(sizes[root]));
            }

            clusterOf[doc] = number;
            clusters[number].Add(doc);
        }

        return new StoryClusters(clusterOf, [.. clusters.Select(members => members.ToArray())]);
    }

    private static ulong BandKey(byte[] signature, int band)
    {
        var key = (ulong)band;
        for (var row = 0; row < Rows; row++)
        {
            key = (key * 0x100000001B3UL) ^ StorySignature.ValueAt(signature, (band * Rows) + row);
        }

        return key;
    }

    private static int Find(int[] parents, int doc)
    {
        while (parents[doc] != doc)
        {
            parents[doc] = parents[parents[doc]];
            doc = parents[doc];
        }

        return doc;
    }
}
