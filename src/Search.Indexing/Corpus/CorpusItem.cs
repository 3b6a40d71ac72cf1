namespace Search.Indexing.Corpus;

/// <summary>One item a corpus reader yields: a <see cref="CorpusRecord"/> or a <see cref="CorpusLineError"/>.</summary>
/// <remarks>
/// Readers yield records and errors in one sequence, in file order, so that a bad line is reported where it occurs
/// and never stops the records after it.
/// </remarks>
/// <param name="Path">The file, as the user gave it.</param>
/// <param name="Line">1-based line; 0 when the item concerns the file as a whole (see <see cref="CorpusLineError"/>).</param>
public abstract record CorpusItem(string Path, int Line);
