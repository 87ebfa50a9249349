using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Aws.Sqs;

/// <summary>One message of an SQS event.</summary>
public sealed record SqsMessage(
    string MessageId,
    string ReceiptHandle,
    string Body,
    IReadOnlyDictionary<string, string>? Attributes,
    IReadOnlyDictionary<string, SqsMessageAttribute>? MessageAttributes,
    string? Md5OfBody,
    string? EventSource,
    [property: JsonPropertyName("eventSourceARN")] string? EventSourceArn,
    string? AwsRegion,
    string? Md5OfMessageAttributes = null);
