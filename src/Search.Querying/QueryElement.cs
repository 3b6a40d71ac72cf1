namespace Search.Querying;

/// <summary>One piece of search-box syntax: a word, a quoted phrase or the OR operator.</summary>
internal sealed record QueryElement(QueryElementKind Kind, string Text, bool Excluded, int Position);

/// <summary>What a <see cref="QueryElement"/> is.</summary>
internal enum QueryElementKind
{
    Word,
    Phrase,
    Or,
}
