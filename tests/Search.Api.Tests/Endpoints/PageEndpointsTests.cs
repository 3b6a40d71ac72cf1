using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Search.Api.Tests.Support;

namespace Search.Api.Tests.Endpoints;

/// <summary>The pages (#5) over HTTP: served from the assembly, revalidated, under the CSP, every asset they name present.</summary>
public sealed partial class PageEndpointsTests(TinyApiFixture api) : IClassFixture<TinyApiFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/judge")]
    public async Task PagesAreArabicRightToLeftHtmlUnderTheContentSecurityPolicy(string path)
    {
        using var response = await api.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // The CSP forbids inline script and style: the pages must not need them.
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(InlineHandler(), html);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/judge")]
    public async Task EveryAssetAPageNamesIsServedWithItsType(string path)
    {
        var html = await api.Client.GetStringAsync(path, TestContext.Current.CancellationToken);
        var assets = AssetReference().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains(assets, a => a.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));

        foreach (var asset in assets)
        {
            using var response = await api.Client.GetAsync(asset, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {response.StatusCode}");
            var expected = Path.GetExtension(asset) switch
            {
                ".js" => "text/javascript",
                ".css" => "text/css",
                ".svg" => "image/svg+xml",
                _ => throw new InvalidOperationException($"unexpected asset {asset}"),
            };
            Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task ModulesImportOnlyFilesThatAreServed()
    {
        foreach (var script in new[] { "/js/search.js", "/js/judge.js" })
        {
            var source = await api.Client.GetStringAsync(script, TestContext.Current.CancellationToken);
            foreach (Match import in ModuleImport().Matches(source))
            {
                using var response = await api.Client.GetAsync("/js/" + import.Groups[1].Value, TestContext.Current.CancellationToken);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{script} imports {import.Groups[1].Value}: {response.StatusCode}");
            }
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/js/search.js")]
    public async Task PagesAndAssetsAreRevalidatedAndAnUnchangedOneCostsA304(string path)
    {
        using var first = await api.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.True(first.Headers.CacheControl?.NoCache, $"{path} should be revalidated on every load");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        using var second = await api.Client.SendAsync(again, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task PagesAreNotApiOperations()
    {
        var document = await api.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("\"/judge\":", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/\":", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownAssetIsA404()
    {
        using var response = await api.Client.GetAsync("/js/missing.js", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("""<script(?![^>]*\bsrc=)[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("""\son[a-z]+=""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"(?:src|href)=""(/(?:js|css)/[^""]+|/favicon\.svg)""")]
    private static partial Regex AssetReference();

    [GeneratedRegex("""from '\./([a-z-]+\.js)'""")]
    private static partial Regex ModuleImport();
}
