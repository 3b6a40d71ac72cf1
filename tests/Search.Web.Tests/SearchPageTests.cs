using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Search.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

/// <summary>The search page (<c>/</c>) in headless Chromium over the sample corpus.</summary>
[Collection(WebCollection.Name)]
public sealed partial class SearchPageTests(WebAppFixture app)
{
    [Fact]
    public async Task Typing_shows_suggestions_and_choosing_one_by_keyboard_shows_highlighted_results()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "ابحث في الأخبار" });

        // "اسلا" is a prefix of الإسلام only once normalized (alef with hamza below) and with the article optional.
        await TypeAndAwaitSuggestionsAsync(page, box, "اسلا");
        var options = SuggestionOptions(page);
        await Expect(options.First).ToBeVisibleAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(options.First.Locator(".text")).ToHaveTextAsync(new Regex("^ال[اإ]سلام"));

        await box.PressAsync("ArrowDown");
        await Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", "suggestion-0");
        var chosen = (await options.First.Locator(".text").TextContentAsync())!;
        await box.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("[?&]q="));
        Assert.Equal(chosen, QueryParameter(page, "q"));
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator("#suggestions")).ToBeHiddenAsync();
        var marks = page.Locator("#hits .hit mark");
        await Expect(marks.First).ToBeVisibleAsync();
        Assert.True(await marks.CountAsync() >= 2, "the title and snippet of the hits should mark the matched words");
        await Expect(page.Locator("#status")).ToContainTextAsync("من");
        await Screenshots.SaveAsync(page, "search-results");
    }

    [Fact]
    public async Task A_suggestion_can_be_chosen_with_the_mouse_and_Escape_closes_the_list()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        var box = page.Locator("#q");
        await TypeAndAwaitSuggestionsAsync(page, box, "اقتص");
        var options = SuggestionOptions(page);
        await Expect(options.First).ToBeVisibleAsync();

        await box.PressAsync("Escape");
        await Expect(page.Locator("#suggestions")).ToBeHiddenAsync();
        await Expect(box).ToHaveValueAsync("اقتص");

        // ↓ reopens a closed list, as in a native combobox.
        await box.PressAsync("ArrowDown");
        await Expect(options.First).ToBeVisibleAsync();

        await box.PressSequentiallyAsync("ا", new() { Delay = 60 });
        await Expect(options.First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "search-suggestions");
        var text = (await options.First.Locator(".text").TextContentAsync())!;
        await options.First.ClickAsync();

        await Expect(box).ToHaveValueAsync(text);
        await Expect(page).ToHaveURLAsync(new Regex("[?&]q="));
        await Expect(page.Locator("#hits .hit").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_facet_click_narrows_the_results_updates_the_URL_and_Back_undoes_it()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("#hits .hit").First).ToBeVisibleAsync();
        var before = await TotalAsync(page);

        // Found as a reader of the page finds it: the checkbox named اقتصاد (economy) in the group التصنيف (category).
        var economy = page.GetByRole(AriaRole.Group, new() { Name = "التصنيف" }).GetByRole(AriaRole.Checkbox, new() { Name = "اقتصاد" });
        var expected = await CountOfFacetAsync(page, "category", "economy");
        Assert.True(expected > 0 && expected < before, $"economy has {expected} of {before} articles");
        await economy.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("[?&]category=economy"));
        await Expect(economy).ToBeCheckedAsync();
        await Expect(page.Locator("#hits .hit").First).ToHaveAttributeAsync("data-category", "economy");
        Assert.Equal(expected, await TotalAsync(page));
        foreach (var hit in await page.Locator("#hits .hit").AllAsync())
        {
            Assert.Equal("economy", await hit.GetAttributeAsync("data-category"));
        }

        // The URL is the state: it can be shared, and Back returns to the wider list.
        await page.GoBackAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("category="));
        await Expect(economy).Not.ToBeCheckedAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync(Digits(before));
    }

    [Fact]
    public async Task Sort_and_pagination_are_in_the_URL_and_a_shared_URL_restores_them()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/?sort=newest");
        await Expect(page.Locator("#sort")).ToHaveValueAsync("newest");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "صفحات النتائج" });
        await nav.GetByRole(AriaRole.Link, new() { Name = "التالي" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("page=2"));
        await Expect(nav.Locator("[aria-current=page]")).ToHaveTextAsync("٢");
        var secondPageFirst = await page.Locator("#hits .hit").First.GetAttributeAsync("data-id");

        var shared = await app.NewPageAsync();
        await shared.GotoAsync(page.Url);
        await Expect(shared.Locator("#hits .hit").First).ToHaveAttributeAsync("data-id", secondPageFirst!);
        await Expect(shared.Locator("#sort")).ToHaveValueAsync("newest");

        await page.Locator("#sort").SelectOptionAsync("relevance");
        await Expect(page).Not.ToHaveURLAsync(new Regex("page=|sort="));
    }

    [Fact]
    public async Task Did_you_mean_offers_the_APIs_correction_and_following_it_searches_it()
    {
        // ق typed for ف, the key beside it; جديد alone finds enough that the results stay and the correction is offered.
        const string query = "مستشقى جديد";
        var expected = await DidYouMeanAsync(query);
        Assert.False(string.IsNullOrEmpty(expected), "the sample corpus should offer a correction for this query");

        var page = await app.NewPageAsync();
        await page.GotoAsync("/?q=" + Uri.EscapeDataString(query));
        var link = page.Locator("#did-you-mean a");
        await Expect(link).ToHaveTextAsync(expected!);
        await link.ClickAsync();
        await Expect(page.Locator("#q")).ToHaveValueAsync(expected!);
        Assert.Equal(expected, QueryParameter(page, "q"));
    }

    [Fact]
    public async Task A_query_without_results_shows_the_empty_state()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("qwxzv zzkrp"));
        await Expect(page.Locator("#empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#empty h2")).ToContainTextAsync("لا توجد نتائج");
        Assert.Equal(0, await page.Locator("#hits .hit").CountAsync());
        await Expect(page.Locator("#pagination")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_failing_search_shows_the_problem_and_retry_recovers()
    {
        var page = await app.NewPageAsync();
        var fail = true;
        await page.RouteAsync("**/search?**", async route =>
        {
            if (fail)
            {
                await route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = 503,
                    ContentType = "application/problem+json",
                    Body = """{"title":"Index unavailable","status":503,"detail":"the index is being built"}""",
                });
            }
            else
            {
                await route.ContinueAsync();
            }
        });

        await page.GotoAsync("/?q=" + Uri.EscapeDataString("الاسلام"));
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("الفهرس غير جاهز");
        await Expect(alert).ToContainTextAsync("the index is being built");

        fail = false;
        await alert.GetByRole(AriaRole.Button, new() { Name = "إعادة المحاولة" }).ClickAsync();
        await Expect(alert).ToBeHiddenAsync();
        await Expect(page.Locator("#hits .hit").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task At_phone_width_the_page_fits_without_sideways_scrolling()
    {
        var page = await app.NewPageAsync(phone: true);
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("الاقتصاد"));
        await Expect(page.Locator("#hits .hit").First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 390px screen");
        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).direction"));

        // The filters come first but folded, so the results are on the first screen; the summary unfolds them.
        var filters = page.Locator("#filters-details");
        Assert.False(await filters.EvaluateAsync<bool>("d => d.open"));
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "التصنيف" })).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "search-phone");
        await page.Locator("#filters-details summary").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "التصنيف" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Everything_is_reachable_by_keyboard_in_a_sensible_order()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("الاقتصاد"));
        await Expect(page.Locator("#hits .hit").First).ToBeVisibleAsync();

        // The first Tab reaches the skip link, the next the search box, then its button, then the filters.
        var order = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.id || e.getAttribute('href') || e.textContent.trim(); }"));
        }

        Assert.Equal("#results", order[0]);
        Assert.Equal("q", order[2]);
        Assert.Equal("بحث", order[3]);
        Assert.Equal("sort", order[4]);
        Assert.StartsWith("facet-category-", order[5]);

        // A facet toggles with the space bar, like any checkbox.
        await page.Keyboard.PressAsync("Space");
        await Expect(page).ToHaveURLAsync(new Regex("category="));
    }

    private static async Task<int> TotalAsync(IPage page)
    {
        await Expect(page.Locator("#status")).Not.ToBeEmptyAsync();
        var status = (await page.Locator("#status").TextContentAsync())!;

        // "النتائج ١–١٠ من ٦٤ (…)" or "أحدث الأخبار: ٦٤ خبرًا": the total is the number after من, or the only one.
        var western = FromArabicDigits(status);
        var match = TotalPattern().Match(western);
        return int.Parse(match.Success ? match.Groups[1].Value : NumberPattern().Match(western).Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> CountOfFacetAsync(IPage page, string facet, string value)
    {
        var label = page.Locator($"fieldset[data-facet={facet}] label", new() { Has = page.Locator($"input[value={value}]") });

        return int.Parse(FromArabicDigits((await label.Locator(".count").TextContentAsync())!), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Results_of_a_correction_say_so_and_offer_the_words_as_typed()
    {
        // العامت: ت typed for ة. As typed it finds almost nothing, so the page shows the correction's results (#18).
        const string query = "المكتبة العامت";
        var page = await app.NewPageAsync();
        await page.GotoAsync("/?q=" + Uri.EscapeDataString(query));

        var notice = page.Locator("#did-you-mean");
        await Expect(notice).ToContainTextAsync("نعرض نتائج «المكتبة العامة»");
        var asTyped = page.GetByTestId("search-as-typed");
        await Expect(asTyped).ToHaveTextAsync($"ابحث عن «{query}» كما كتبتها");
        await asTyped.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("correct=false"));
        await Expect(notice).ToBeHiddenAsync();
        await Expect(page.Locator("#q")).ToHaveValueAsync(query);
        Assert.Equal(query, QueryParameter(page, "q"));
    }

    private async Task<string?> DidYouMeanAsync(string query)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var body = await http.GetFromJsonAsync<JsonElement>("/search?q=" + Uri.EscapeDataString(query), TestContext.Current.CancellationToken);
        return body.TryGetProperty("didYouMean", out var value) ? value.GetString() : null;
    }

    /// <summary>The options of the suggestions list (not those of the sort menu, which are options too).</summary>
    /// <summary>
    /// Types <paramref name="text"/> as a reader does and waits for the server's suggestions for the whole of it, so that
    /// a failure says whether the server (no answer, an error, nothing suggested) or the page fell short.
    /// </summary>
    internal static async Task TypeAndAwaitSuggestionsAsync(IPage page, ILocator box, string text)
    {
        // What the page asked for and got, so that a wait that runs out says whether the request was never made, not
        // answered, or answered otherwise.
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Record(object? sender, IRequest request)
        {
            if (request.Url.Contains("/suggest?", StringComparison.Ordinal))
            {
                seen.Enqueue("asked " + Uri.UnescapeDataString(request.Url));
            }
        }

        void RecordAnswer(object? sender, IResponse response)
        {
            if (response.Url.Contains("/suggest?", StringComparison.Ordinal))
            {
                seen.Enqueue($"answered {response.Status} " + Uri.UnescapeDataString(response.Url));
            }
        }

        page.Request += Record;
        page.Response += RecordAnswer;
        IResponse answer;
        try
        {
            // Longer than the default wait: the first keystrokes of a run on a busy machine are the slowest.
            answer = await page.RunAndWaitForResponseAsync(
                () => box.PressSequentiallyAsync(text, new() { Delay = 60 }),
                response => response.Url.Contains("/suggest?q=" + Uri.EscapeDataString(text), StringComparison.Ordinal),
                new() { Timeout = 45_000 });
        }
        catch (TimeoutException e)
        {
            string value;
            try
            {
                value = await box.InputValueAsync(new() { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
                value = "(unreadable)";
            }

            throw new TimeoutException(
                $"no answer to /suggest for \"{text}\"; the box holds \"{value}\"; /suggest traffic: [{string.Join(", ", seen)}]",
                e);
        }
        finally
        {
            page.Request -= Record;
            page.Response -= RecordAnswer;
        }

        var body = await answer.TextAsync();
        Assert.True(answer.Status == 200 && body.Contains("\"text\"", StringComparison.Ordinal),
            $"/suggest answered {answer.Status} with no suggestion: {body}");
    }

    internal static ILocator SuggestionOptions(IPage page) =>
        page.GetByRole(AriaRole.Listbox, new() { Name = "اقتراحات البحث" }).GetByRole(AriaRole.Option);

    private static string? QueryParameter(IPage page, string name) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)[name];

    private static string FromArabicDigits(string text) =>
        new([.. text.Select(c => c is >= '٠' and <= '٩' ? (char)('0' + (c - '٠')) : c).Where(c => c != '٬')]);

    private static string Digits(int value) =>
        new([.. value.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)('٠' + (c - '0')))]);

    [GeneratedRegex(@"من (\d+)")]
    private static partial Regex TotalPattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex NumberPattern();
}
