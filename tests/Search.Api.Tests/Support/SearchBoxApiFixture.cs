using System.Text.Json;
using Search.Core.Schema;

namespace Search.Api.Tests.Support;

/// <summary>One API over an index of searchbox.jsonl (spelling variants, headline phrases, months), shared by the tests of a class.</summary>
public sealed class SearchBoxApiFixture : IDisposable
{
    private readonly ApiIndex _index = new();
    private readonly ApiFactory _factory;

    public SearchBoxApiFixture()
    {
        _index.Build(Load(Path.Combine(AppContext.BaseDirectory, "TestData", "searchbox", "searchbox.jsonl")));
        _factory = new ApiFactory(_index.Root);
        Client = _factory.CreateClient();
    }

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
        _index.Dispose();
    }

    private static IEnumerable<NewsArticle> Load(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
            var date = Text("date");
            yield return new NewsArticle(Text("id")!, Text("body")!, Text("title"), Text("category"), Text("source"),
                Text("url"), date, PublicationDate.TryParse(date, out var at) ? at : null);
        }
    }
}
