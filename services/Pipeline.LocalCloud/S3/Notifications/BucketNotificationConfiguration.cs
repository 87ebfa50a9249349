using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3.Notifications;

/// <summary>A bucket's notification configuration; LocalCloud delivers to SQS queues only.</summary>
public sealed record BucketNotificationConfiguration(IReadOnlyList<QueueNotification> QueueConfigurations)
{
    public static BucketNotificationConfiguration Empty { get; } = new([]);
}

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

/// <summary>How a bucket's notification configuration is saved under the data directory.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BucketNotificationConfiguration))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;

/// <summary>
/// Buckets' notification configurations, one JSON file per bucket in <paramref name="directory"/>
/// (<c>&lt;data&gt;/s3/notifications</c>), so they survive a restart as the bucket does.
/// </summary>
internal sealed class NotificationConfigurationStore(string directory)
{
    private readonly ConcurrentDictionary<string, BucketNotificationConfiguration> _cache = new(StringComparer.Ordinal);
    private readonly Lock _writeGate = new();

    public BucketNotificationConfiguration Get(string bucket) => _cache.GetOrAdd(bucket, Load);

    /// <summary>Saves the configuration; an empty one removes it, as S3 does for an empty document.</summary>
    public void Set(string bucket, BucketNotificationConfiguration configuration)
    {
        lock (_writeGate)
        {
            var document = DocumentOf(bucket);
            if (configuration.QueueConfigurations.Count == 0)
            {
                document.Delete();
            }
            else
            {
                document.Save(configuration);
            }

            _cache[bucket] = configuration;
        }
    }

    /// <summary>Forgets the configuration of a deleted bucket, so a new bucket of the same name starts without one.</summary>
    public void Remove(string bucket) => Set(bucket, BucketNotificationConfiguration.Empty);

    // Bucket names are letters, digits, dots and hyphens, so they are safe as file names.
    private StateDocument<BucketNotificationConfiguration> DocumentOf(string bucket) =>
        new(Path.Combine(directory, bucket + ".json"), NotificationJsonContext.Default.BucketNotificationConfiguration);

    private BucketNotificationConfiguration Load(string bucket) => DocumentOf(bucket).Load() ?? BucketNotificationConfiguration.Empty;
}
