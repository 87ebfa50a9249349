namespace Pipeline.LocalCloud.Events;

/// <summary>EventBridge's quotas that callers can observe, and LocalCloud's own bounds.</summary>
public static class EventsLimits
{
    /// <summary>PutEvents takes 1 to 10 entries.</summary>
    public const int MaxEntriesPerPut = 10;

    /// <summary>A PutEvents request's entries may total 256 KiB.</summary>
    public const int MaxPutEventsBytes = 256 * 1024;

    /// <summary>PutTargets and RemoveTargets take 1 to 10 targets or ids.</summary>
    public const int MaxTargetsPerCall = 10;

    /// <summary>A rule has at most 5 targets.</summary>
    public const int MaxTargetsPerRule = 5;

    /// <summary>Events kept for <see cref="IEventHistory"/>; older ones are dropped.</summary>
    public const int HistorySize = 1000;

    /// <summary>Attempts on which a target function ran and failed before the delivery is given up: Lambda's async invoke tries an event three times.</summary>
    public const int DeliveryAttempts = 3;

    /// <summary>Retries of a delivery the target could not take (EventBridge's default <c>MaximumRetryAttempts</c>).</summary>
    public const int MaximumRetryAttempts = 185;

    /// <summary>How long a delivery is retried (EventBridge's default <c>MaximumEventAgeInSeconds</c>, 24 hours).</summary>
    public static readonly TimeSpan MaximumEventAge = TimeSpan.FromHours(24);
}
