namespace Search.Querying;

/// <summary>What a suggestion completes the typed text to.</summary>
public enum SuggestionKind
{
    /// <summary>The last, partial word completed to an indexed word (earlier words kept as typed); ranked by document frequency.</summary>
    Word,

    /// <summary>A frequent phrase of headlines (two or three words) that the typed words begin; ranked by how many headlines carry it.</summary>
    Phrase,

    /// <summary>A headline that begins with the typed words; carries the article id; ranked newest first.</summary>
    Title,
}
