using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Search.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules (labels, contrast, ARIA, landmarks, language) on each page in the states people
/// see: results, the suggestions list open, and the judging workbench. Any violation fails with its rule and elements.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AccessibilityTests(WebAppFixture app)
{
    private static readonly AxeRunOptions Rules = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task The_search_page_with_results_has_no_WCAG_violations()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("الاقتصاد"));
        await Expect(page.Locator("#hits .hit").First).ToBeVisibleAsync();
        AssertNoViolations(await page.RunAxe(Rules));
    }

    [Fact]
    public async Task The_search_page_with_suggestions_open_has_no_WCAG_violations()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await SearchPageTests.TypeAndAwaitSuggestionsAsync(page, page.Locator("#q"), "اقتص");
        await Expect(SearchPageTests.SuggestionOptions(page).First).ToBeVisibleAsync();
        await page.Locator("#q").PressAsync("ArrowDown");
        AssertNoViolations(await page.RunAxe(Rules));
    }

    [Fact]
    public async Task The_search_page_at_phone_width_has_no_WCAG_violations()
    {
        var page = await app.NewPageAsync(phone: true);
        await page.GotoAsync("/");
        await Expect(page.Locator("#hits .hit").First).ToBeVisibleAsync();
        AssertNoViolations(await page.RunAxe(Rules));
    }

    [Fact]
    public async Task The_judging_workbench_has_no_WCAG_violations()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/judge?set=sample");
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync();
        await page.Locator("#query-list button").First.ClickAsync();
        await Expect(page.Locator("#judge-results .judge-hit").First).ToBeVisibleAsync();
        AssertNoViolations(await page.RunAxe(Rules));
    }

    private static void AssertNoViolations(AxeResult result)
    {
        var problems = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(problems.Count == 0, "axe found:\n" + string.Join("\n", problems));
    }
}
