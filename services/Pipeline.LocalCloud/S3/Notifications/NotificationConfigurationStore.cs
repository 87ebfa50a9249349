using System.Collections.Concurrent;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3.Notifications;

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
