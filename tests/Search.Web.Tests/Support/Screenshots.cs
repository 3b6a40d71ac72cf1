using Microsoft.Playwright;

namespace Search.Web.Tests.Support;

/// <summary>
/// Screenshots of the pages: every run saves them as test artifacts (attached to the test result and written under
/// <c>screenshots/</c> beside the test binaries, or <c>SCREENSHOTS_DIR</c>); with <c>UPDATE_SCREENSHOTS=1</c> they also
/// replace the README's pictures in <c>tests/Search.Web.Tests/Screenshots/</c>.
/// </summary>
internal static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Animations = ScreenshotAnimations.Disabled });
        var folder = Environment.GetEnvironmentVariable("SCREENSHOTS_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), bytes);
        TestContext.Current.AddAttachment(name + ".png", bytes, "image/png");

        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            var committed = Path.Combine(Repository.Root, "tests", "Search.Web.Tests", "Screenshots");
            Directory.CreateDirectory(committed);
            await File.WriteAllBytesAsync(Path.Combine(committed, name + ".png"), bytes);
        }
    }
}
