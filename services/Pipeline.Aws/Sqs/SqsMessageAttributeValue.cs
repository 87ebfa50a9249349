namespace Pipeline.Aws.Sqs;

/// <summary>A message attribute: <c>String</c>, <c>Number</c> or <c>Binary</c> (base64).</summary>
public sealed record SqsMessageAttributeValue(string DataType, string? StringValue = null, string? BinaryValue = null);
