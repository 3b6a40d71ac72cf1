namespace Search.Core.Analysis;

/// <summary>A named analysis chain. An index is built with one profile, recorded in its commit, and must be queried with the same one.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>news</c> (the default, #3): our chain. Stop words after normalization; extra folding (alef wasla,
/// superscript alef, hamza on waw/yeh, Persian yeh/keheh, presentation forms, tanween alef); light stemmer
/// <see cref="NewsStemFilter"/> with a stem of at least three letters; one-letter proclitics (و ف ب ل) kept and also
/// indexed without (<see cref="ProcliticVariantFilter"/>).</item>
/// <item><c>stock</c>: Lucene.Net's <c>ArabicAnalyzer</c> chain (standard tokenizer, lower case, stock stop list,
/// <c>ArabicNormalizationFilter</c>, <c>ArabicStemFilter</c>), for measuring against what anyone gets out of the box.</item>
/// </list>
/// </remarks>
public sealed class AnalysisProfile
{
    private AnalysisProfile(string name, bool stock)
    {
        Name = name;
        IsStock = stock;
    }

    /// <summary>Our chain: the default for new indexes.</summary>
    public static AnalysisProfile News { get; } = new("news", stock: false);

    /// <summary>The stock Lucene.Net ArabicAnalyzer chain.</summary>
    public static AnalysisProfile Stock { get; } = new("stock", stock: true);

    /// <summary>The profile of new indexes and of <see cref="NewsAnalyzerFactory.Create()"/>.</summary>
    public static AnalysisProfile Default => News;

    /// <summary>Every profile.</summary>
    public static IReadOnlyList<AnalysisProfile> All { get; } = [News, Stock];

    /// <summary>The name recorded in the index and written in ranking configurations.</summary>
    public string Name { get; }

    /// <summary>True for the stock chain.</summary>
    public bool IsStock { get; }

    /// <summary>The profile called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static AnalysisProfile? Find(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override string ToString() => Name;
}
