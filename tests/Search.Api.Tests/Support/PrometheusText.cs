using System.Globalization;

namespace Search.Api.Tests.Support;

/// <summary>The samples of a scrape in the Prometheus text format: <c>name{label="value",...} number</c>, one a line.</summary>
internal sealed class PrometheusText
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    public PrometheusText(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.LastIndexOf(' ');
            var name = line[..(brace >= 0 ? brace : space)];
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (brace >= 0)
            {
                // Label values here carry no escaped quotes or commas (routes, phases, booleans).
                foreach (var pair in line[(brace + 1)..line.LastIndexOf('}')].Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    labels[pair[..equals]] = pair[(equals + 1)..].Trim('"');
                }
            }

            _samples.Add((name, labels, double.Parse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>True when at least one sample has this name.</summary>
    public bool Has(string name) => _samples.Any(sample => sample.Name == name);

    /// <summary>The sum of the samples named <paramref name="name"/> that carry every label given as <c>label=value</c>.</summary>
    public double Sum(string name, params string[] labels) =>
        _samples
            .Where(sample => sample.Name == name && labels.All(label =>
            {
                var equals = label.IndexOf('=', StringComparison.Ordinal);
                return sample.Labels.TryGetValue(label[..equals], out var value) && value == label[(equals + 1)..];
            }))
            .Sum(sample => sample.Value);
}
