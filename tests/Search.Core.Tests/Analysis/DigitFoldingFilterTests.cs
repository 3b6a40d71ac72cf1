using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Analysis;
using Search.Core.Schema;

namespace Search.Core.Tests.Analysis;

public sealed class DigitFoldingFilterTests
{
    [Fact]
    public void FoldsEveryArabicIndicAndPersianDigitToAscii()
    {
        const string arabicIndic = "٠١٢٣٤٥٦٧٨٩"; // U+0660..0669
        const string persian = "۰۱۲۳۴۵۶۷۸۹"; // U+06F0..06F9

        var foldedArabicIndic = new string(arabicIndic.Select(DigitFoldingFilter.Fold).ToArray());
        var foldedPersian = new string(persian.Select(DigitFoldingFilter.Fold).ToArray());

        Assert.Equal("0123456789", foldedArabicIndic);
        Assert.Equal("0123456789", foldedPersian);
    }

    [Theory]
    [InlineData('٫', '.')] // Arabic decimal separator U+066B, so ١٢٫٥ = 12.5
    [InlineData('٬', ',')] // Arabic thousands separator U+066C
    public void FoldsArabicNumberSeparators(char c, char expected)
    {
        var folded = DigitFoldingFilter.Fold(c);

        Assert.Equal(expected, folded);
    }

    [Theory]
    [InlineData('7')] // ASCII digit
    [InlineData('a')] // Latin letter
    [InlineData('ب')] // Arabic letter
    [InlineData('٪')] // Arabic percent sign U+066A
    public void LeavesOtherCharactersAlone(char c)
    {
        var folded = DigitFoldingFilter.Fold(c);

        Assert.Equal(c, folded);
    }

    [Fact]
    public void FoldsTokensInAStreamAndKeepsTheirOffsets()
    {
        const string text = "٢٠١٩ ۲۰۱۹ 2019 عام٢٠٢٥";
        var terms = new List<(string Term, int Start, int End)>();

        using (var stream = new DigitFoldingFilter(new WhitespaceTokenizer(IndexVersion.Lucene, new StringReader(text))))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                terms.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
            }

            stream.End();
        }

        Assert.Equal([("2019", 0, 4), ("2019", 5, 9), ("2019", 10, 14), ("عام2025", 15, 22)], terms);
    }
}
