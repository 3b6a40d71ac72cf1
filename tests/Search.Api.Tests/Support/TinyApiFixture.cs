namespace Search.Api.Tests.Support;

/// <summary>One API over a read-only index of tiny.jsonl, shared by the tests of a class.</summary>
public sealed class TinyApiFixture : IDisposable
{
    private readonly ApiIndex _index = ApiIndex.WithTiny();
    private readonly ApiFactory _factory;

    public TinyApiFixture()
    {
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
