using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Search.Api.Tests.Support;

namespace Search.Api.Tests.Observability;

/// <summary>#22: Logging:Console:FormatterName json, set as configuration or environment, gives JSON console logs with Arabic as is.</summary>
public sealed class JsonConsoleLogTests : IDisposable
{
    private readonly ApiIndex _index = ApiIndex.WithTiny();

    public void Dispose() => _index.Dispose();

    [Fact]
    public void TheJsonFormatterIsChosenByConfigurationAndWritesArabicAsIs()
    {
        var app = SearchApiApplication.Create([], builder =>
        {
            builder.Configuration[SearchApiApplication.IndexPathKey] = _index.Root;
            builder.Configuration["Logging:Console:FormatterName"] = "json";
        });

        var console = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = app.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        var written = JsonSerializer.Serialize("أسعار النفط", new JsonSerializerOptions { Encoder = json.JsonWriterOptions.Encoder });

        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        Assert.Equal("\"أسعار النفط\"", written);
        (app as IDisposable)?.Dispose();
    }
}
