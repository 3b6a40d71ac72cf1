using System.Text.Json;

namespace Search.Api.Tests.Support;

internal static class Http
{
    public static async Task<(int Status, JsonElement Body, string? ContentType)> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }

    public static string Query(string value) => Uri.EscapeDataString(value);
}
