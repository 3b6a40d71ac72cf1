namespace Search.Querying.Spelling;

/// <summary>One word of a query as the corrector sees it.</summary>
/// <param name="Term">The normalized word (the words chain's token).</param>
/// <param name="Hash">Its hash in the language model.</param>
/// <param name="Start">Where it starts in the query text.</param>
/// <param name="End">Where it ends (exclusive).</param>
/// <param name="Text">The word as typed.</param>
/// <param name="Letters">Its letters as the error model edits them, or null when it is not to be corrected (not all Arabic letters).</param>
internal sealed record QueryWord(string Term, ulong Hash, int Start, int End, string Text, string? Letters)
{
    /// <summary>True when the word may be corrected.</summary>
    public bool Correctable => Letters is not null;
}
