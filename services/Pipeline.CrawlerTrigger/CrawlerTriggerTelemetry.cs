using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.CrawlerTrigger;

internal static class CrawlerTriggerTelemetry
{
    public const string Name = "Pipeline.CrawlerTrigger";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Messages answered, tagged with whether they were acknowledged or left for redelivery.</summary>
    public static readonly Counter<long> Messages = Meter.CreateCounter<long>("pipeline.crawler_trigger.messages", unit: "{message}");
}
