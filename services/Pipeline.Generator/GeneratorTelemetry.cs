using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.Generator;

/// <summary>
/// The generator's spans and metrics. The names fall under <c>Pipeline.*</c>, which the shared telemetry providers
/// listen to.
/// </summary>
public static class GeneratorTelemetry
{
    public const string SourceName = "Pipeline.Generator";

    public static readonly ActivitySource Source = new(SourceName);

    private static readonly Meter Meter = new(SourceName);

    /// <summary>Records sent to Firehose and accepted, and records that finally failed, tagged with the outcome.</summary>
    public static readonly Counter<long> Records = Meter.CreateCounter<long>("pipeline.generator.records", "{record}");
}
