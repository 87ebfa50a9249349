using System.Text;
using System.Text.Json;
using Pipeline.AwsShapes.CloudWatch;
using Pipeline.LocalCloud.CloudWatch.Metrics;

namespace Pipeline.LocalCloud.CloudWatch.Emf;

/// <summary>
/// Reads CloudWatch Embedded Metric Format documents out of log lines, as CloudWatch Logs does for a function's log
/// group: a JSON object whose <c>_aws</c> member holds <c>Timestamp</c> (milliseconds since the epoch) and
/// <c>CloudWatchMetrics</c>, a list of directives (<c>Namespace</c>, <c>Dimensions</c>: lists of member names,
/// <c>Metrics</c>: <c>Name</c>, optional <c>Unit</c> and <c>StorageResolution</c>); each metric's value (a number or a
/// list of up to 100) and each dimension's value (a string) are members of the same object. Every dimension set gives
/// the metrics once more, under those dimensions. Strict: a document that breaks a rule yields nothing (CloudWatch
/// counts it as an EMF validation error), and a line that is not such a document is just a log line.
/// </summary>
public static class EmbeddedMetricParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static EmbeddedMetricResult Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);

        // Most lines are plain log lines: decide that without parsing them.
        var text = line.AsSpan().Trim();
        if (text.Length < 2 || text[0] != '{' || text[^1] != '}' || !text.Contains("\"_aws\"", StringComparison.Ordinal))
        {
            return EmbeddedMetricResult.NotEmbeddedMetric;
        }

        if (Encoding.UTF8.GetByteCount(text) > CloudWatchLimits.MaxLogEventBytes)
        {
            return EmbeddedMetricResult.Invalid($"the document is larger than a log event's {CloudWatchLimits.MaxLogEventBytes} bytes");
        }

        try
        {
            using var document = JsonDocument.Parse(text.ToString(), Options);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return EmbeddedMetricResult.Invalid($"not valid JSON: {e.Message}");
        }
    }

    private static EmbeddedMetricResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("_aws", out var metadata))
        {
            return EmbeddedMetricResult.NotEmbeddedMetric;
        }

        if (metadata.ValueKind != JsonValueKind.Object)
        {
            return EmbeddedMetricResult.Invalid("_aws is not an object");
        }

        if (!metadata.TryGetProperty("Timestamp", out var timestampElement) || timestampElement.ValueKind != JsonValueKind.Number
            || !timestampElement.TryGetInt64(out var milliseconds))
        {
            return EmbeddedMetricResult.Invalid("_aws.Timestamp is missing or not a whole number of milliseconds");
        }

        DateTimeOffset timestamp;
        try
        {
            timestamp = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }
        catch (ArgumentOutOfRangeException)
        {
            return EmbeddedMetricResult.Invalid("_aws.Timestamp is out of range");
        }

        if (!metadata.TryGetProperty("CloudWatchMetrics", out var directives) || directives.ValueKind != JsonValueKind.Array)
        {
            return EmbeddedMetricResult.Invalid("_aws.CloudWatchMetrics is missing or not a list");
        }

        var samples = new List<MetricSample>();
        var index = 0;
        foreach (var directive in directives.EnumerateArray())
        {
            if (ReadDirective(root, directive, timestamp, samples) is { } error)
            {
                return EmbeddedMetricResult.Invalid($"CloudWatchMetrics[{index}]: {error}");
            }

            index++;
        }

        return EmbeddedMetricResult.Valid(samples);
    }

    /// <summary>Adds the directive's samples; the rule it breaks otherwise.</summary>
    private static string? ReadDirective(JsonElement root, JsonElement directive, DateTimeOffset timestamp, List<MetricSample> samples)
    {
        if (directive.ValueKind != JsonValueKind.Object)
        {
            return "not an object";
        }

        if (!directive.TryGetProperty("Namespace", out var namespaceElement) || namespaceElement.ValueKind != JsonValueKind.String
            || namespaceElement.GetString() is not { } ns || !MetricNames.IsNamespace(ns))
        {
            return "Namespace is missing, or not 1 to 255 printable ASCII characters";
        }

        if (!directive.TryGetProperty("Dimensions", out var dimensionSets) || dimensionSets.ValueKind != JsonValueKind.Array)
        {
            return "Dimensions is missing or not a list";
        }

        var sets = new List<List<MetricDimension>>();
        foreach (var set in dimensionSets.EnumerateArray())
        {
            if (ReadDimensionSet(root, set) is not { } dimensions)
            {
                return $"a dimension set is not a list of at most {CloudWatchLimits.MaxDimensions} distinct names of string members of 1 to 1024 printable ASCII characters";
            }

            sets.Add(dimensions);
        }

        // No dimension set at all still publishes the metrics, without dimensions.
        if (sets.Count == 0)
        {
            sets.Add([]);
        }

        if (!directive.TryGetProperty("Metrics", out var definitions) || definitions.ValueKind != JsonValueKind.Array
            || definitions.GetArrayLength() is 0 or > CloudWatchLimits.MaxEmbeddedMetrics)
        {
            return $"Metrics is missing, empty or longer than {CloudWatchLimits.MaxEmbeddedMetrics}";
        }

        foreach (var definition in definitions.EnumerateArray())
        {
            if (definition.ValueKind != JsonValueKind.Object
                || !definition.TryGetProperty("Name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String
                || nameElement.GetString() is not { } name || !MetricNames.IsMetricName(name))
            {
                return "a metric has no Name of 1 to 255 characters";
            }

            var unit = StandardUnitValues.None;
            if (definition.TryGetProperty("Unit", out var unitElement))
            {
                if (unitElement.ValueKind != JsonValueKind.String || !StandardUnitValues.All.Contains(unitElement.GetString()!))
                {
                    return $"the Unit of {name} is not a CloudWatch unit";
                }

                unit = unitElement.GetString()!;
            }

            if (definition.TryGetProperty("StorageResolution", out var resolution)
                && (resolution.ValueKind != JsonValueKind.Number || !resolution.TryGetInt32(out var seconds) || seconds is not (1 or 60)))
            {
                return $"the StorageResolution of {name} is not 1 or 60";
            }

            if (ReadValues(root, name) is not { } values)
            {
                return $"the member {name} is missing, or not a number or a list of 1 to 100 numbers within ±2^360";
            }

            foreach (var dimensions in sets)
            {
                samples.Add(new MetricSample(new MetricIdentity(ns, name, dimensions), timestamp, values, unit));
            }
        }

        return null;
    }

    private static List<MetricDimension>? ReadDimensionSet(JsonElement root, JsonElement set)
    {
        if (set.ValueKind != JsonValueKind.Array || set.GetArrayLength() > CloudWatchLimits.MaxDimensions)
        {
            return null;
        }

        var dimensions = new List<MetricDimension>();
        foreach (var reference in set.EnumerateArray())
        {
            if (reference.ValueKind != JsonValueKind.String || reference.GetString() is not { } name || !MetricNames.IsDimensionName(name)
                || dimensions.Any(d => d.Name == name)
                || !root.TryGetProperty(name, out var member) || member.ValueKind != JsonValueKind.String
                || member.GetString() is not { } value || !MetricNames.IsDimensionValue(value))
            {
                return null;
            }

            dimensions.Add(new MetricDimension(name, value));
        }

        return dimensions;
    }

    private static StatisticSet? ReadValues(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var member))
        {
            return null;
        }

        if (member.ValueKind == JsonValueKind.Number)
        {
            return member.TryGetDouble(out var value) && MetricNames.IsValue(value) ? StatisticSet.Of(value) : null;
        }

        if (member.ValueKind != JsonValueKind.Array || member.GetArrayLength() is 0 or > CloudWatchLimits.MaxEmbeddedMetrics)
        {
            return null;
        }

        StatisticSet? set = null;
        foreach (var item in member.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var value) || !MetricNames.IsValue(value))
            {
                return null;
            }

            set = set is { } sum ? sum.Merge(StatisticSet.Of(value)) : StatisticSet.Of(value);
        }

        return set;
    }
}

/// <summary>
/// What a log line held: not an embedded metric document (a plain log line), a valid one with its samples, or one
/// that tried to be (it has <c>_aws</c>) and broke the specification, with the first rule it broke.
/// </summary>
public sealed record EmbeddedMetricResult(bool IsEmbeddedMetric, IReadOnlyList<MetricSample> Samples, string? Error)
{
    public static EmbeddedMetricResult NotEmbeddedMetric { get; } = new(false, [], null);

    public static EmbeddedMetricResult Invalid(string error) => new(true, [], error);

    public static EmbeddedMetricResult Valid(IReadOnlyList<MetricSample> samples) => new(true, samples, null);
}
