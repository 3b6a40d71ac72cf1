using Search.Core.Schema;

namespace Search.Api.Tests.Support;

/// <summary>One API over an index of searchbox.jsonl (spelling variants, headline phrases, months), shared by the tests of a class.</summary>
public sealed class SearchBoxApiFixture : IDisposable
{
    private readonly ApiIndex _index = new();
    private readonly ApiFactory _factory;

    public SearchBoxApiFixture()
    {
        _index.Build(ApiIndex.LoadJsonLines(Path.Combine(AppContext.BaseDirectory, "TestData", "searchbox", "searchbox.jsonl")));
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
}
