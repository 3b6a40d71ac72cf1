using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Search.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

/// <summary>The judging workbench (<c>/judge</c>) in headless Chromium, writing to the fixture's own judgments store.</summary>
/// <remarks>Each test judges its own query of the sample set, so the tests do not see each other's judgments.</remarks>
[Collection(WebCollection.Name)]
public sealed class JudgePageTests(WebAppFixture app)
{
    [Fact]
    public async Task A_judgment_given_with_a_key_survives_a_reload_and_is_in_the_store()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/judge?set=sample");
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync();
        var query = page.Locator("#query-list button").Nth(0);
        var queryId = (await query.GetAttributeAsync("data-qid"))!;
        await query.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("qid=" + Regex.Escape(queryId)));

        var first = page.Locator("#judge-results .judge-hit").First;
        await Expect(first).ToHaveClassAsync(new Regex("active"));
        var docId = (await first.GetAttributeAsync("data-id"))!;

        // The key 2 grades the active (first unjudged) result, then the next one becomes active.
        await page.Keyboard.PressAsync("2");
        await Expect(first.Locator("[data-grade='2']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(first.Locator(".save-state")).ToHaveTextAsync("حُفظ");
        await Expect(page.Locator("#judge-results .judge-hit").Nth(1)).ToHaveClassAsync(new Regex("active"));
        await Expect(page.Locator("#metrics [data-metric='ndcg@10'] .value")).Not.ToHaveTextAsync("—");

        await page.ReloadAsync();
        await Expect(page.Locator($"#judge-results .judge-hit[data-id='{docId}'] [data-grade='2']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator($"#query-list button[data-qid='{queryId}'] .judged")).Not.ToHaveTextAsync("٠");

        var stored = await GetJsonAsync($"/judge/api/judgments?queryId={Uri.EscapeDataString(queryId)}");
        Assert.Contains(stored.GetProperty("judgments").EnumerateArray(),
            j => j.GetProperty("docId").GetString() == docId && j.GetProperty("grade").GetInt32() == 2);
        await Screenshots.SaveAsync(page, "judge");
    }

    [Fact]
    public async Task A_query_shows_the_name_variants_its_search_used()
    {
        // index-data/variants.txt groups ترامب and ترمب (#18).
        var page = await app.NewPageAsync();
        await page.GotoAsync("/judge?q=" + Uri.EscapeDataString("لقاء ترمب"));

        var variants = page.GetByTestId("variants");
        await Expect(variants).ToHaveCountAsync(1);
        await Expect(variants).ToContainTextAsync("ترمب يشمل ترامب");
    }

    [Fact]
    public async Task Grades_can_be_given_by_click_and_the_arrow_keys_move_between_results()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/judge?set=sample");
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync();
        await page.Locator("#query-list button").Nth(1).ClickAsync();
        var hits = page.Locator("#judge-results .judge-hit");
        await Expect(hits.First).ToBeVisibleAsync();

        await hits.Nth(1).GetByRole(AriaRole.Button, new() { Name = "٣: شديدة الصلة" }).ClickAsync();
        await Expect(hits.Nth(1).Locator("[data-grade='3']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(hits.Nth(2)).ToHaveClassAsync(new Regex("active"));

        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(hits.Nth(1)).ToHaveClassAsync(new Regex("active"));
        await Expect(hits.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("0");
        await Expect(hits.Nth(1).Locator("[data-grade='0']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(hits.Nth(1).Locator("[data-grade='3']")).ToHaveAttributeAsync("aria-pressed", "false");
    }

    [Fact]
    public async Task The_comparison_view_shows_both_rankings_with_movement_and_unjudged_flags_and_a_delta_chart()
    {
        // Judgments for three queries of the set, so the set comparison has something to measure.
        var set = await GetJsonAsync("/judge/api/query-sets/sample");
        var ids = set.GetProperty("queries").EnumerateArray().Skip(2).Take(3).Select(q => q.GetProperty("id").GetString()!).ToList();
        foreach (var queryId in ids)
        {
            var results = await GetJsonAsync($"/judge/api/results?qid={Uri.EscapeDataString(queryId)}&size=3");
            var grade = 3;
            foreach (var hit in results.GetProperty("hits").EnumerateArray())
            {
                await PutJudgmentAsync(queryId, results.GetProperty("query").GetString()!, hit.GetProperty("id").GetString()!, grade--);
            }
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync($"/judge?set=sample&qid={Uri.EscapeDataString(ids[0])}&tab=compare");
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "المقارنة" })).ToHaveAttributeAsync("aria-selected", "true");
        var rankingB = page.Locator("#ranking-b");
        Assert.NotEqual(await page.Locator("#ranking-a").InputValueAsync(), await rankingB.InputValueAsync());

        var columnA = page.Locator("#compare-query [data-side=a] li");
        var columnB = page.Locator("#compare-query [data-side=b] li");
        await Expect(columnA.First).ToBeVisibleAsync();
        await Expect(columnB.First).ToBeVisibleAsync();
        Assert.True(await page.Locator("#compare-query .move").CountAsync() >= await columnA.CountAsync() + await columnB.CountAsync());
        await Expect(page.Locator("#compare-query .badge.grade-3").First).ToBeVisibleAsync();
        if (await columnA.CountAsync() > 3)
        {
            await Expect(page.Locator("#compare-query .badge.unjudged").First).ToBeVisibleAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "قارن على المجموعة كلها" }).ClickAsync();
        await Expect(page.Locator("#compare-set")).ToBeVisibleAsync();
        var rows = page.Locator("#delta-table tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var rowCount = await rows.CountAsync();
        Assert.True(rowCount >= ids.Count, $"{rowCount} rows for {ids.Count} judged queries");
        Assert.Equal(rowCount, await page.Locator("#delta-chart svg rect").CountAsync());
        await Screenshots.SaveAsync(page, "judge-compare");
    }

    [Fact]
    public async Task Qrels_import_reports_bad_lines_and_export_returns_what_was_imported()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/judge?set=sample&tab=data");
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync();
        var results = await GetJsonAsync("/judge/api/results?q=" + Uri.EscapeDataString("المسرح العربي") + "&size=1");
        var docId = results.GetProperty("hits")[0].GetProperty("id").GetString()!;
        var queryId = results.GetProperty("queryId").GetString()!;
        var qrels = $"{queryId} 0 {docId} 1\nthis line is not a qrel\n";

        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "import.qrels",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes(qrels),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "استورد" }).ClickAsync();
        await Expect(page.Locator("#import-status")).ToContainTextAsync("استُورد ١");
        await Expect(page.Locator("#import-status")).ToContainTextAsync("٢:");

        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var exported = await http.GetStringAsync(await page.Locator("#export-all").GetAttributeAsync("href"), TestContext.Current.CancellationToken);
        Assert.Contains($"{queryId} 0 {docId} 1", exported.Split('\n'));
    }

    [Fact]
    public async Task A_query_set_uploaded_from_the_page_can_be_judged_and_removed()
    {
        var page = await app.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/judge?set=sample&tab=data");
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync();

        await page.GetByLabel("اسم المجموعة").FillAsync("from-page");
        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload
        {
            Name = "topics.tsv",
            MimeType = "text/tab-separated-values",
            Buffer = Encoding.UTF8.GetBytes("u1\tأسعار الذهب\nu2\tالمسرح العربي\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "ارفع" }).ClickAsync();
        await Expect(page.Locator("#upload-status")).ToContainTextAsync("from-page");
        await Expect(page).ToHaveURLAsync(new Regex("set=from-page"));
        await Expect(page.Locator("#query-list button")).ToHaveCountAsync(2);

        var remove = page.GetByRole(AriaRole.Button, new() { Name = "احذف المجموعة المرفوعة «from-page»" });
        await remove.ClickAsync();
        await Expect(page.Locator("#upload-status")).ToContainTextAsync("حُذفت");
        await Expect(page).Not.ToHaveURLAsync(new Regex("set=from-page"));
        var sets = await GetJsonAsync("/judge/api/query-sets");
        Assert.DoesNotContain(sets.GetProperty("querySets").EnumerateArray(), s => s.GetProperty("name").GetString() == "from-page");
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        return await http.GetFromJsonAsync<JsonElement>(path, TestContext.Current.CancellationToken);
    }

    private async Task PutJudgmentAsync(string queryId, string query, string docId, int grade)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var response = await http.PutAsJsonAsync("/judge/api/judgments", new { queryId, query, docId, grade }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>The workbench against a server that demands a write key.</summary>
public sealed class KeyedJudgePageTests(KeyedWebAppFixture app) : IClassFixture<KeyedWebAppFixture>
{
    [Fact]
    public async Task Without_the_key_a_grade_is_refused_visibly_and_with_it_the_grade_is_saved()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/judge?set=sample");
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync();
        var keyField = page.GetByLabel("مفتاح الكتابة");
        await Expect(keyField).ToBeVisibleAsync();

        await page.Locator("#query-list button").First.ClickAsync();
        var first = page.Locator("#judge-results .judge-hit").First;
        await first.Locator("[data-grade='1']").ClickAsync();
        await Expect(first.Locator(".save-state")).ToHaveTextAsync("لم يُحفظ");
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(first.Locator("[data-grade='1']")).ToHaveAttributeAsync("aria-pressed", "false");

        await keyField.FillAsync(KeyedWebAppFixture.Key);
        await first.Locator("[data-grade='1']").ClickAsync();
        await Expect(first.Locator(".save-state")).ToHaveTextAsync("حُفظ");
        await Expect(first.Locator("[data-grade='1']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeHiddenAsync();
    }
}
