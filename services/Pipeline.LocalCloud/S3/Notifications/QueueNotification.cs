namespace Pipeline.LocalCloud.S3.Notifications;

/// <summary>
/// One <c>QueueConfiguration</c>: the events (as configured, e.g. <c>s3:ObjectCreated:*</c>) that send a message to
/// <see cref="QueueArn"/>, for keys matching the optional prefix and suffix filter rules.
/// </summary>
public sealed record QueueNotification(string Id, string QueueArn, IReadOnlyList<string> Events, string? Prefix, string? Suffix)
{
    /// <summary>Whether an event named as in a record (<c>ObjectCreated:Put</c>) for <paramref name="key"/> is selected.</summary>
    public bool Matches(string eventName, string key) =>
        Events.Any(e => NotificationEvents.Covers(e, eventName))
        && (Prefix is null || key.StartsWith(Prefix, StringComparison.Ordinal))
        && (Suffix is null || key.EndsWith(Suffix, StringComparison.Ordinal));
}
