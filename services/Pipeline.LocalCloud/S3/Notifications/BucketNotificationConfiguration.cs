namespace Pipeline.LocalCloud.S3.Notifications;

/// <summary>A bucket's notification configuration; LocalCloud delivers to SQS queues only.</summary>
public sealed record BucketNotificationConfiguration(IReadOnlyList<QueueNotification> QueueConfigurations)
{
    public static BucketNotificationConfiguration Empty { get; } = new([]);
}
