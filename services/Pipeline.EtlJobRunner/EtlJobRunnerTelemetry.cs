using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.EtlJobRunner;

internal static class EtlJobRunnerTelemetry
{
    public const string Name = "Pipeline.EtlJobRunner";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Crawler events handled, tagged with what the runner did about them.</summary>
    public static readonly Counter<long> Events = Meter.CreateCounter<long>("pipeline.etl_runner.events", unit: "{event}");
}
