using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.FirehoseTransformer;

internal static class TransformerTelemetry
{
    public const string Name = "Pipeline.FirehoseTransformer";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Records answered, tagged with their result.</summary>
    public static readonly Counter<long> Records = Meter.CreateCounter<long>("pipeline.transformer.records", unit: "{record}");

    /// <summary>
    /// Valid records whose status their dataset alerts on (vehicle FAIL and WARN), tagged with the dataset, the status
    /// and the group-by field (vendor): the local view of what CloudWatch alarms on in AWS (docs/alerting.md).
    /// </summary>
    public static readonly Counter<long> StatusAlerts = Meter.CreateCounter<long>(
        "pipeline.transformer.status_alerts",
        unit: "{record}",
        description: "Valid records whose status their dataset alerts on");
}
