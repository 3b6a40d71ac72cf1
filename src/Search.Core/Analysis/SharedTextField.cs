using Lucene.Net.Analysis;
using Lucene.Net.Documents;

namespace Search.Core.Analysis;

/// <summary>An analyzed text field whose text, written with the <c>news</c> analyzer, is tokenized once for all the fields that index it.</summary>
/// <remarks>
/// #6: the body is indexed as <c>body</c>, <c>body.exact</c> and <c>body.root</c>, the lead and the title twice each;
/// each field used to run the whole chain again. Given the same string object, this field runs the steps they share
/// (folding, tokenizer, lower case, digits, normalization, stop words) once and replays their tokens through each
/// field's own steps (<see cref="NewsAnalyzerFactory"/>). Same tokens as a <see cref="TextField"/>, pinned by tests;
/// with any other analyzer it is a plain <see cref="TextField"/>.
/// </remarks>
public sealed class SharedTextField : Field
{
    /// <summary>A field named <paramref name="name"/> holding <paramref name="value"/>, stored or not.</summary>
    public SharedTextField(string name, string value, Store store)
        : base(name, value, store == Store.YES ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED)
    {
    }

    /// <summary>A field named <paramref name="name"/> holding <paramref name="value"/>, indexed and stored as <paramref name="type"/> says (an analyzed type).</summary>
    public SharedTextField(string name, string value, FieldType type)
        : base(name, value, type)
    {
    }

    /// <inheritdoc />
    public override TokenStream GetTokenStream(Analyzer analyzer) =>
        analyzer is NewsAnalyzerFactory.NewsAnalyzer news
            ? news.SharedTokenStream(Name, GetStringValue())
            : base.GetTokenStream(analyzer);
}
