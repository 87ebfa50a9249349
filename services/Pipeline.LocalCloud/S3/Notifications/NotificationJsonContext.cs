using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.S3.Notifications;

/// <summary>How a bucket's notification configuration is saved under the data directory.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BucketNotificationConfiguration))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
