using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer;
using Pipeline.FirehoseTransformer.Transformation;

namespace Pipeline.UnitTests.FirehoseTransformer;

/// <summary>
/// Each status and group becomes one CloudWatch Embedded Metric Format line: the metric StatusAlerts in the
/// datasets.json namespace, by (deployment, dataset, status) — what the Terraform alarms watch — and by the same plus
/// the group-by field.
/// </summary>
public sealed class StatusAlertsGoOutAsEmbeddedMetricsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 10, 0, 30, TimeSpan.Zero);

    private static StatusAlertCounts Counts(params StatusAlertCount[] counts) =>
        new("vehicle_telemetry", DatasetCatalog.BuiltIn().Get("vehicle_telemetry").StatusAlerts!, counts);

    private static List<JsonObject> Lines(StringWriter output) =>
        [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject())];

    [Fact]
    public void A_line_per_status_and_vendor_carries_the_metric_and_its_dimensions()
    {
        var output = new StringWriter();
        var metrics = new StatusAlertMetrics(output, "pipeline-test", "Pipeline", new FakeTimeProvider(Now));

        metrics.Record(Counts(new StatusAlertCount("fail", "Volvo", 2), new StatusAlertCount("warn", "Scania", 1)));

        var lines = Lines(output);
        Assert.Equal(2, lines.Count);
        var fail = lines[0];
        var directive = fail["_aws"]!.AsObject();
        Assert.Equal(Now.ToUnixTimeMilliseconds(), (long)directive["Timestamp"]!);
        var metric = Assert.Single(directive["CloudWatchMetrics"]!.AsArray())!.AsObject();
        Assert.Equal("Pipeline", (string?)metric["Namespace"]);
        Assert.Equal(
            """[["deployment","dataset","status"],["deployment","dataset","status","vendor"]]""",
            metric["Dimensions"]!.ToJsonString());
        Assert.Equal("""[{"Name":"StatusAlerts","Unit":"Count"}]""", metric["Metrics"]!.ToJsonString());
        Assert.Equal("pipeline-test", (string?)fail["deployment"]);
        Assert.Equal("vehicle_telemetry", (string?)fail["dataset"]);
        Assert.Equal("fail", (string?)fail["status"]);
        Assert.Equal("Volvo", (string?)fail["vendor"]);
        Assert.Equal(2, (int)fail["StatusAlerts"]!);
        Assert.Equal("Scania", (string?)lines[1]["vendor"]);
    }

    [Fact]
    public void Nothing_is_written_for_an_invocation_without_alerts()
    {
        var output = new StringWriter();
        var metrics = new StatusAlertMetrics(output, "pipeline-test", "Pipeline", new FakeTimeProvider(Now));

        metrics.Record(Counts());
        metrics.Record(null);

        Assert.Equal("", output.ToString());
    }

    [Theory]
    [InlineData("Škoda", "Skoda")]
    [InlineData("Citroën", "Citroen")]
    [InlineData("Straße Œuvre", "Strasse OEuvre")]
    [InlineData("吉利", "??")]
    [InlineData("  ", "(none)")]
    public void Dimension_values_are_made_ascii_as_CloudWatch_requires(string vendor, string expected) =>
        Assert.Equal(expected, StatusAlertMetrics.DimensionValue(vendor));

    [Fact]
    public void The_group_dimension_is_the_last_segment_of_the_group_by_path() =>
        Assert.Equal("vendor", StatusAlertMetrics.GroupDimension("vehicle.vendor"));
}
