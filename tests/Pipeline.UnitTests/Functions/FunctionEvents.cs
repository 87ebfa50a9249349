using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Aws.EventBridge;
using Pipeline.Contracts.Aws.Sqs;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.Functions;

/// <summary>The AWS reference events (tests/reference/events), read (and adapted) the way the functions receive them.</summary>
internal static class FunctionEvents
{
    public const string Prefix = "pipeline-test";

    public static string ReferenceText(string file) => File.ReadAllText(ReferenceFiles.Path("events", file));

    public static JsonObject ReferenceObject(string file) => JsonNode.Parse(ReferenceText(file))!.AsObject();

    public static SqsEvent Sqs(string json) => JsonSerializer.Deserialize(json, AwsEventsJson.Context.SqsEvent)!;

    public static EventBridgeEvent<GlueCrawlerStateChange> Crawler(string json) =>
        JsonSerializer.Deserialize(json, AwsEventsJson.Context.EventBridgeEventGlueCrawlerStateChange)!;

    public static EventBridgeEvent<GlueJobStateChange> Job(string json) =>
        JsonSerializer.Deserialize(json, AwsEventsJson.Context.EventBridgeEventGlueJobStateChange)!;

    /// <summary>The reference SQS event's single message, with its S3 record's key and time replaced.</summary>
    public static JsonObject S3Message(string messageId, string encodedKey, DateTimeOffset eventTime)
    {
        var message = ReferenceObject("sqs-event-s3-notification.json")["Records"]![0]!.DeepClone().AsObject();
        var body = JsonNode.Parse(message["body"]!.GetValue<string>())!.AsObject();
        var record = body["Records"]![0]!.AsObject();
        record["eventTime"] = eventTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        record["s3"]!["object"]!["key"] = encodedKey;
        message["messageId"] = messageId;
        message["body"] = body.ToJsonString();
        return message;
    }

    public static SqsEvent Batch(params JsonObject[] messages) =>
        Sqs(new JsonObject { ["Records"] = new JsonArray(messages.Select(m => (JsonNode)m.DeepClone()).ToArray()) }.ToJsonString());

    public static JsonObject WithBody(string messageId, string body)
    {
        var message = ReferenceObject("sqs-event-s3-notification.json")["Records"]![0]!.DeepClone().AsObject();
        message["messageId"] = messageId;
        message["body"] = body;
        return message;
    }
}
