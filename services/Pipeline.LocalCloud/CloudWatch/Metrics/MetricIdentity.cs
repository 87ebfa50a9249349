using System.Text;

namespace Pipeline.LocalCloud.CloudWatch.Metrics;

/// <summary>
/// What makes a metric one metric in CloudWatch: namespace, name and the exact set of dimensions. Dimensions are kept
/// sorted by name, so the order a sender lists them in does not make a second metric; equality is by that content.
/// </summary>
public sealed class MetricIdentity : IEquatable<MetricIdentity>
{
    private readonly string _key;

    public MetricIdentity(string @namespace, string metricName, IEnumerable<MetricDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(@namespace);
        ArgumentNullException.ThrowIfNull(metricName);
        ArgumentNullException.ThrowIfNull(dimensions);
        Namespace = @namespace;
        MetricName = metricName;
        Dimensions = [.. dimensions.OrderBy(d => d.Name, StringComparer.Ordinal)];

        // NUL cannot appear in a name or value that passed validation, so it separates the parts unambiguously.
        var key = new StringBuilder().Append(@namespace).Append('\0').Append(metricName);
        foreach (var dimension in Dimensions)
        {
            key.Append('\0').Append(dimension.Name).Append('\0').Append(dimension.Value);
        }

        _key = key.ToString();
    }

    public string Namespace { get; }

    public string MetricName { get; }

    /// <summary>Sorted by name (ordinal).</summary>
    public IReadOnlyList<MetricDimension> Dimensions { get; }

    public bool Equals(MetricIdentity? other) => other is not null && string.Equals(_key, other._key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as MetricIdentity);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_key);

    public override string ToString() =>
        $"{Namespace} {MetricName}{(Dimensions.Count == 0 ? "" : " {" + string.Join(", ", Dimensions.Select(d => $"{d.Name}={d.Value}")) + "}")}";
}

/// <summary>A dimension of a metric: CloudWatch tells two metrics apart by their namespace, name and every dimension.</summary>
public sealed record MetricDimension(string Name, string Value);
