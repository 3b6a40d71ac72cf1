using Search.Querying.Spelling;

namespace Search.Querying.Tests.Spelling;

public sealed class KeyboardLayoutTests
{
    [Theory]
    [InlineData('ج', 'ح')] // side by side in the top row
    [InlineData('ج', 'د')]
    [InlineData('ب', 'ل')] // side by side in the middle row
    [InlineData('ي', 'ث')] // the middle row touches the two keys above it
    [InlineData('ي', 'ق')]
    [InlineData('ي', 'ء')] // and the two below it
    [InlineData('ي', 'ؤ')]
    [InlineData('ر', 'ى')] // either side of the لا key
    [InlineData('أ', 'ل')] // أ is typed on the alef key
    public void KnowsKeysThatTouch(char a, char b)
    {
        Assert.True(KeyboardLayout.AreNeighbours(a, b));
        Assert.True(KeyboardLayout.AreNeighbours(b, a));
    }

    [Theory]
    [InlineData('ا', 'ب')] // ل between them
    [InlineData('ق', 'ع')]
    [InlineData('ض', 'ظ')] // the two ends of the keyboard
    [InlineData('ب', 'ب')]
    public void KnowsKeysThatDoNot(char a, char b)
    {
        Assert.False(KeyboardLayout.AreNeighbours(a, b));
    }
}
