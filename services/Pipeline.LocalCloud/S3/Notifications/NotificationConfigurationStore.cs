using System.Collections.Concurrent;
using System.Text.Json;

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
            Directory.CreateDirectory(directory);
            var path = PathOf(bucket);
            if (configuration.QueueConfigurations.Count == 0)
            {
                File.Delete(path);
            }
            else
            {
                var temporary = path + ".tmp";
                File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(configuration, NotificationJsonContext.Default.BucketNotificationConfiguration));
                File.Move(temporary, path, overwrite: true);
            }

            _cache[bucket] = configuration;
        }
    }

    /// <summary>Forgets the configuration of a deleted bucket, so a new bucket of the same name starts without one.</summary>
    public void Remove(string bucket) => Set(bucket, BucketNotificationConfiguration.Empty);

    // Bucket names are letters, digits, dots and hyphens, so they are safe as file names.
    private string PathOf(string bucket) => Path.Combine(directory, bucket + ".json");

    private BucketNotificationConfiguration Load(string bucket)
    {
        var path = PathOf(bucket);
        return File.Exists(path)
            ? JsonSerializer.Deserialize(File.ReadAllBytes(path), NotificationJsonContext.Default.BucketNotificationConfiguration) ?? BucketNotificationConfiguration.Empty
            : BucketNotificationConfiguration.Empty;
    }
}
