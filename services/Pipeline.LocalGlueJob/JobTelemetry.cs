using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.LocalGlueJob;

/// <summary>The run's span and the stage freshness, under <c>Pipeline.LocalGlueJob</c>.</summary>
internal static class JobTelemetry
{
    public const string Name = "Pipeline.LocalGlueJob";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Seconds from each record's event time until the job run made it queryable in the stage table.</summary>
    public static readonly Histogram<double> StageFreshness = Meter.CreateHistogram<double>(
        "pipeline.stage.freshness",
        "s",
        "Time from a record's event_time until it is queryable in the stage table",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 300, 600, 1800, 3600] });
}
