using System.Text.Json;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Aws.S3;

namespace Pipeline.CrawlerTrigger.Triggering;

/// <summary>The body of one SQS message, read as the notification S3 sent.</summary>
public sealed record S3Notification(NotificationKind Kind, IReadOnlyList<S3EventRecord> Records, string? Error)
{
    public static S3Notification Read(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return Unreadable("the body is empty");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Unreadable($"the body is a JSON {document.RootElement.ValueKind}, not an object");
            }

            // The test event is PascalCase and has no Records; S3 sends it once per configuration change.
            if (document.RootElement.TryGetProperty("Event", out var name)
                && name.ValueKind == JsonValueKind.String
                && name.GetString() == S3TestEvent.EventName)
            {
                return new S3Notification(NotificationKind.TestEvent, [], null);
            }

            var s3Event = document.RootElement.Deserialize(AwsEventsJson.Context.S3Event);
            if (s3Event?.Records is null)
            {
                return Unreadable("the body has no Records");
            }

            if (s3Event.Records.Any(r => r?.S3?.Object?.Key is null))
            {
                return Unreadable("a record has no s3.object.key");
            }

            return new S3Notification(NotificationKind.S3Event, s3Event.Records, null);
        }
        catch (JsonException e)
        {
            return Unreadable($"the body is not an S3 event: {e.Message}");
        }
    }

    private static S3Notification Unreadable(string error) => new(NotificationKind.Unreadable, [], error);
}
