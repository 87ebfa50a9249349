using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.Notifier;

internal static class NotifierTelemetry
{
    public const string Name = "Pipeline.Notifier";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Notifications published, tagged with the job run's final state.</summary>
    public static readonly Counter<long> Notifications = Meter.CreateCounter<long>("pipeline.notifier.notifications", unit: "{notification}");
}
