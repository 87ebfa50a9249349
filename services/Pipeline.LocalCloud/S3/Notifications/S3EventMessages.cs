using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.LocalCloud.Protocols;
using Pipeline.LocalCloud.S3.Http;

namespace Pipeline.LocalCloud.S3.Notifications;

/// <summary>
/// The message bodies S3 sends to queues: event records (<c>{"Records":[…]}</c>, eventVersion 2.1) and the
/// <c>s3:TestEvent</c> sent when a configuration is saved. Written by hand with <see cref="Utf8JsonWriter"/> to keep
/// AWS's member order and stay trimming-safe.
/// </summary>
public static class S3EventMessages
{
    /// <summary>Stands in for the requester and bucket owner ids of real records; LocalCloud has no IAM.</summary>
    public const string LocalPrincipalId = "LOCALCLOUD";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Record(S3EventDetails details, string region, string configurationId)
    {
        ArgumentNullException.ThrowIfNull(details);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("Records");
            json.WriteStartObject();
            json.WriteString("eventVersion", "2.1");
            json.WriteString("eventSource", "aws:s3");
            json.WriteString("awsRegion", region);
            json.WriteString("eventTime", S3Formats.IsoDate(details.Time));
            json.WriteString("eventName", details.EventName);
            json.WriteStartObject("userIdentity");
            json.WriteString("principalId", LocalPrincipalId);
            json.WriteEndObject();
            json.WriteStartObject("requestParameters");
            json.WriteString("sourceIPAddress", "127.0.0.1");
            json.WriteEndObject();
            json.WriteStartObject("responseElements");
            json.WriteString("x-amz-request-id", details.RequestId);
            json.WriteString("x-amz-id-2", RequestIds.HostId(details.RequestId));
            json.WriteEndObject();
            json.WriteStartObject("s3");
            json.WriteString("s3SchemaVersion", "1.0");
            json.WriteString("configurationId", configurationId);
            json.WriteStartObject("bucket");
            json.WriteString("name", details.Bucket);
            json.WriteStartObject("ownerIdentity");
            json.WriteString("principalId", LocalPrincipalId);
            json.WriteEndObject();
            json.WriteString("arn", $"arn:aws:s3:::{details.Bucket}");
            json.WriteEndObject();
            json.WriteStartObject("object");
            json.WriteString("key", S3EventKeyEncoder.Encode(details.Key));
            if (details.Size is { } size)
            {
                json.WriteNumber("size", size);
            }

            if (details.ETag is { } etag)
            {
                json.WriteString("eTag", etag.Trim('"'));
            }

            json.WriteString("sequencer", details.Sequencer);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string TestEvent(string bucket, string requestId, DateTimeOffset time)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("Service", "Amazon S3");
            json.WriteString("Event", "s3:TestEvent");
            json.WriteString("Time", S3Formats.IsoDate(time));
            json.WriteString("Bucket", bucket);
            json.WriteString("RequestId", requestId);
            json.WriteString("HostId", RequestIds.HostId(requestId));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>What happened to one object, for an event record. Size and ETag are absent for removals, as in S3's records.</summary>
/// <param name="EventName">As in the record: <c>ObjectCreated:Put</c>, <c>ObjectRemoved:Delete</c>, …</param>
/// <param name="ETag">Unquoted, as S3 writes it in records.</param>
/// <param name="Sequencer">Hex; later events of one key have greater sequencers.</param>
public sealed record S3EventDetails(
    string EventName,
    string Bucket,
    string Key,
    long? Size,
    string? ETag,
    string RequestId,
    DateTimeOffset Time,
    string Sequencer);

/// <summary>
/// The object key as S3 writes it in event records: form-encoded (UTF-8, space as <c>+</c>, <c>=</c> as <c>%3D</c>)
/// with <c>/</c> kept, so <c>raw/year=2026/a b.json</c> becomes <c>raw/year%3D2026/a+b.json</c>. Consumers decode it
/// with a form decoder (<c>unquote_plus</c>, <c>WebUtility.UrlDecode</c>).
/// </summary>
public static class S3EventKeyEncoder
{
    public static string Encode(string key) => S3Formats.PercentEncode(key, "-_.*/", spaceAsPlus: true);
}

/// <summary>
/// S3's <c>sequencer</c>: hex values that grow with every event, so a consumer can order two events of one key
/// (string comparison after padding). Built from the clock in microseconds, bumped when two events share a tick.
/// </summary>
public sealed class EventSequencer(TimeProvider time)
{
    private long _last;

    public string Next()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        long next;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _last);
            next = Math.Max(seen + 1, now);
        }
        while (Interlocked.CompareExchange(ref _last, next, seen) != seen);

        return next.ToString("X18", CultureInfo.InvariantCulture);
    }
}
