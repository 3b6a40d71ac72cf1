using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Search.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

/// <summary>A story with copies on the search page (#21): one hit, "also in" naming the others.</summary>
public sealed class CollapsedHitPageTests(StoriesWebAppFixture app) : IClassFixture<StoriesWebAppFixture>
{
    [Fact]
    public async Task A_story_with_copies_shows_once_and_names_where_else_it_ran()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/?q=" + Uri.EscapeDataString("أوبك النفط"));

        // a1–a5 are one story (the sample corpus has its own articles on oil too).
        var hits = page.Locator("#hits .hit[data-id^='a']");
        await Expect(hits).ToHaveCountAsync(1);
        var alsoIn = hits.First.Locator(".also-in");
        await Expect(alsoIn).ToContainTextAsync("ورد أيضًا في");
        var copies = alsoIn.Locator("li");
        await Expect(copies).ToHaveCountAsync(4);
        await Expect(alsoIn.Locator("li[data-id=a3] a")).ToHaveAttributeAsync("href", "https://example.com/wire-two/a3");
        await Expect(page.Locator("#status")).ToContainTextAsync("مقالًا");
        await Screenshots.SaveAsync(page, "search-collapsed");
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.Empty(axe.Violations.Select(v => $"{v.Id}: {v.Help}"));
    }
}
