namespace Pipeline.LocalCloud.Sqs;

/// <summary>A message attribute: <c>String</c>, <c>Number</c> or <c>Binary</c> (optionally with a <c>.custom</c> suffix).</summary>
public sealed record SqsMessageAttribute(string DataType, string? StringValue, byte[]? BinaryValue);
