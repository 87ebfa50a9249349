namespace Pipeline.CrawlerTrigger.Triggering;

/// <summary>What an SQS message from the data-lake bucket turned out to hold.</summary>
public enum NotificationKind
{
    /// <summary>An S3 event notification with records.</summary>
    S3Event,

    /// <summary>The <c>s3:TestEvent</c> S3 sends when the notification configuration is set.</summary>
    TestEvent,

    /// <summary>Not an S3 notification at all.</summary>
    Unreadable,
}
