using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Aws.S3;

/// <summary>An S3 event notification (the body of the SQS message S3 sends).</summary>
/// <remarks>S3 spells the list <c>Records</c>, unlike every other member of the event.</remarks>
public sealed record S3Event([property: JsonPropertyName("Records")] IReadOnlyList<S3EventRecord> Records);
