using System.Buffers;
using System.Text;
using System.Text.Json;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer.Transformation;

namespace Pipeline.FirehoseTransformer;

/// <summary>
/// Reports an invocation's status alerts twice: on the OpenTelemetry counter <c>pipeline.transformer.status_alerts</c>
/// (what the Aspire dashboard shows locally) and as one CloudWatch Embedded Metric Format line per status and group on
/// standard output. Lambda sends that line to the function's log group, where CloudWatch turns it into the metric
/// <c>StatusAlerts</c> (dimensions deployment, dataset, status, and the same plus the group-by field) that the
/// status alarms watch: no AWS call in the transformation's path, no permission, nothing to fail (docs/alerting.md).
/// </summary>
public sealed class StatusAlertMetrics
{
    public const string MetricName = StatusAlertDefinition.MetricName;

    private readonly TextWriter _output;
    private readonly string _deployment;
    private readonly string _metricsNamespace;
    private readonly TimeProvider _time;

    /// <param name="output">Where the Embedded Metric Format lines go: the function's standard output.</param>
    /// <param name="deployment">The name prefix (PIPELINE_NAME_PREFIX): environments sharing an account keep their metrics apart.</param>
    /// <param name="metricsNamespace">The CloudWatch namespace, <c>metrics_namespace</c> of datasets.json.</param>
    public StatusAlertMetrics(TextWriter output, string deployment, string metricsNamespace, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(deployment);
        ArgumentException.ThrowIfNullOrWhiteSpace(metricsNamespace);
        ArgumentNullException.ThrowIfNull(time);
        _output = output;
        _deployment = deployment;
        _metricsNamespace = metricsNamespace;
        _time = time;
    }

    /// <summary>The dimension and tag name of the group-by field: its last path segment (<c>vendor</c>).</summary>
    public static string GroupDimension(string groupBy) => groupBy[(groupBy.LastIndexOf('.') + 1)..];

    public void Record(StatusAlertCounts? alerts)
    {
        if (alerts is null || alerts.Counts.Count == 0)
        {
            return;
        }

        var group = GroupDimension(alerts.Definition.GroupBy);
        var timestamp = _time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var count in alerts.Counts)
        {
            TransformerTelemetry.StatusAlerts.Add(
                count.Records,
                new KeyValuePair<string, object?>("dataset", alerts.Dataset),
                new KeyValuePair<string, object?>("status", count.Status),
                new KeyValuePair<string, object?>(group, count.Group));

            // One whole line per write: the console logger writes on its own thread, and a line must stay one JSON document.
            _output.WriteLine(EmbeddedMetric(timestamp, alerts.Dataset, group, count));
        }

        _output.Flush();
    }

    private string EmbeddedMetric(long timestamp, string dataset, string group, StatusAlertCount count)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", timestamp);
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", _metricsNamespace);
            json.WriteStartArray("Dimensions");
            WriteDimensionSet(json, "deployment", "dataset", "status");
            WriteDimensionSet(json, "deployment", "dataset", "status", group);
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            json.WriteStartObject();
            json.WriteString("Name", MetricName);
            json.WriteString("Unit", "Count");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("deployment", DimensionValue(_deployment));
            json.WriteString("dataset", DimensionValue(dataset));
            json.WriteString("status", DimensionValue(count.Status));
            json.WriteString(group, DimensionValue(count.Group));
            json.WriteNumber(MetricName, count.Records);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteDimensionSet(Utf8JsonWriter json, params string[] names)
    {
        json.WriteStartArray();
        foreach (var name in names)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// CloudWatch takes dimension values of 1 to 1024 ASCII characters with one that is not white space, and drops a
    /// metric whose value breaks that: Latin letters lose their accents (Škoda → Skoda; the build is culture-invariant,
    /// so string normalisation cannot do it), any other non-ASCII character becomes '?'.
    /// </summary>
    public static string DimensionValue(string value)
    {
        var ascii = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            ascii.Append(c switch
            {
                >= ' ' and <= '~' => c.ToString(),
                >= '\u00C0' and <= '\u00FF' => Fold(Latin1[c - '\u00C0'], c),
                >= '\u0100' and <= '\u017F' => Fold(LatinExtendedA[c - '\u0100'], c),
                _ => "?",
            });
        }

        var text = ascii.ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return "(none)";
        }

        return text.Length <= 1024 ? text : text[..1024];
    }

    // U+00C0-U+00FF and U+0100-U+017F without their accents; '*' marks the letters that become two.
    private const string Latin1 = "AAAAAA*CEEEEIIIIDNOOOOO?OUUUUY**aaaaaa*ceeeeiiiidnooooo?ouuuuy*y";
    private const string LatinExtendedA = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi**JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo**RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

    private static string Fold(char folded, char original) => folded != '*' ? folded.ToString() : original switch
    {
        '\u00C6' => "AE",
        '\u00DE' => "TH",
        '\u00DF' => "ss",
        '\u00E6' => "ae",
        '\u00FE' => "th",
        '\u0132' => "IJ",
        '\u0133' => "ij",
        '\u0152' => "OE",
        _ => "oe",
    };
}
