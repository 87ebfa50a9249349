using System.Text.Json.Serialization;
using Pipeline.Contracts.Aws.EventBridge;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.Contracts.Aws.S3;
using Pipeline.Contracts.Aws.Sqs;

namespace Pipeline.Contracts.Aws;

/// <summary>Source-generated JSON for the AWS event shapes functions receive and return (camelCase, as AWS sends them).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FirehoseTransformationEvent))]
[JsonSerializable(typeof(FirehoseTransformationResponse))]
[JsonSerializable(typeof(S3Event))]
[JsonSerializable(typeof(S3TestEvent))]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SqsBatchResponse))]
[JsonSerializable(typeof(EventBridgeEvent<GlueCrawlerStateChange>))]
[JsonSerializable(typeof(EventBridgeEvent<GlueJobStateChange>))]
public sealed partial class AwsEventsJsonContext : JsonSerializerContext;
