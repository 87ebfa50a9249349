using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.LocalCloud.Glue;

/// <summary>Spans per crawl and per job run, and their durations, under <c>Pipeline.LocalCloud.Glue</c>.</summary>
internal static class GlueTelemetry
{
    public const string Name = "Pipeline.LocalCloud.Glue";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>How long crawls take, tagged with the crawler and how the crawl ended.</summary>
    public static readonly Histogram<double> CrawlDuration = Meter.CreateHistogram<double>("glue.crawl.duration", "s");

    /// <summary>How long job runs take, tagged with the job and its final state.</summary>
    public static readonly Histogram<double> JobRunDuration = Meter.CreateHistogram<double>("glue.job_run.duration", "s");
}
