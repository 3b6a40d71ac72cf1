namespace Search.Querying.Variants;

/// <summary>A group of spellings the miner takes for one name, with the evidence of each pair that joined it.</summary>
/// <param name="Spellings">The spellings, most used first.</param>
/// <param name="Pairs">The proposed pairs that joined them.</param>
public sealed record VariantProposal(IReadOnlyList<string> Spellings, IReadOnlyList<VariantEvidence> Pairs)
{
    /// <summary>The group as a line of a variants file, its evidence as the comment.</summary>
    public string ToLine() => string.Join(' ', Spellings) + "  # " + string.Join(" | ", Pairs.Select(p => $"{p.First}/{p.Second}: {p.Summary()}"));
}
