namespace Pipeline.LocalCloud.S3.Notifications;

/// <summary>S3's notification event types, and which configured type covers which event.</summary>
public static class NotificationEvents
{
    /// <summary>Every event type S3 accepts in a notification configuration.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "s3:ReducedRedundancyLostObject",
        "s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy", "s3:ObjectCreated:CompleteMultipartUpload",
        "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated",
        "s3:ObjectRestore:*", "s3:ObjectRestore:Post", "s3:ObjectRestore:Completed", "s3:ObjectRestore:Delete",
        "s3:Replication:*", "s3:Replication:OperationFailedReplication", "s3:Replication:OperationNotTracked",
        "s3:Replication:OperationMissedThreshold", "s3:Replication:OperationReplicatedAfterThreshold",
        "s3:LifecycleExpiration:*", "s3:LifecycleExpiration:Delete", "s3:LifecycleExpiration:DeleteMarkerCreated",
        "s3:LifecycleTransition", "s3:IntelligentTiering",
        "s3:ObjectTagging:*", "s3:ObjectTagging:Put", "s3:ObjectTagging:Delete",
        "s3:ObjectAcl:Put",
    };

    /// <summary>
    /// Whether the configured type (<c>s3:ObjectCreated:*</c>, <c>s3:ObjectCreated:Put</c>) covers an event as named
    /// in a record (<c>ObjectCreated:Put</c>).
    /// </summary>
    public static bool Covers(string configured, string eventName)
    {
        var type = configured.StartsWith("s3:", StringComparison.Ordinal) ? configured[3..] : configured;
        return type.EndsWith(":*", StringComparison.Ordinal)
            ? eventName.StartsWith(type[..^1], StringComparison.Ordinal)
            : string.Equals(type, eventName, StringComparison.Ordinal);
    }

    /// <summary>Whether two configured types can select the same event (<c>s3:ObjectCreated:*</c> and <c>s3:ObjectCreated:Put</c> do).</summary>
    public static bool Overlap(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        static string Family(string type) => type.EndsWith(":*", StringComparison.Ordinal) ? type[..^1] : type;
        return (a.EndsWith(":*", StringComparison.Ordinal) && b.StartsWith(Family(a), StringComparison.Ordinal))
            || (b.EndsWith(":*", StringComparison.Ordinal) && a.StartsWith(Family(b), StringComparison.Ordinal));
    }
}
