using System.Diagnostics;

namespace Pipeline.LocalCloud.Sns;

/// <summary>Spans of SNS's deliveries to subscribers, under <c>Pipeline.LocalCloud.Sns</c>.</summary>
internal static class SnsTelemetry
{
    public const string Name = "Pipeline.LocalCloud.Sns";

    public static readonly ActivitySource Source = new(Name);
}
