using System.Diagnostics;

namespace Pipeline.LocalCloud.Events;

/// <summary>Spans of EventBridge's deliveries to targets, under <c>Pipeline.LocalCloud.Events</c>.</summary>
internal static class EventsTelemetry
{
    public const string Name = "Pipeline.LocalCloud.Events";

    public static readonly ActivitySource Source = new(Name);
}
