using Search.Core.Schema;

namespace Search.Indexing.Corpus;

/// <summary>A good article read from a corpus file, with the place it came from.</summary>
/// <param name="Path">The file, as the user gave it.</param>
/// <param name="Line">1-based line where the article starts (1 for a scraped page).</param>
/// <param name="Article">The article, validated: non-empty id and body, body within the size limit.</param>
public sealed record CorpusRecord(string Path, int Line, NewsArticle Article) : CorpusItem(Path, Line);
