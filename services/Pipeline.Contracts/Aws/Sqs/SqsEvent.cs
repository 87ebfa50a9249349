using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Aws.Sqs;

/// <summary>A batch of SQS messages delivered to a Lambda function.</summary>
/// <remarks>Lambda spells the list <c>Records</c>, unlike every other member of the event.</remarks>
public sealed record SqsEvent([property: JsonPropertyName("Records")] IReadOnlyList<SqsMessage> Records);
