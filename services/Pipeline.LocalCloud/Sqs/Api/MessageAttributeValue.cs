namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>A message attribute on the wire; BinaryValue is base64 in JSON.</summary>
internal sealed record MessageAttributeValue(string? DataType, string? StringValue, byte[]? BinaryValue);
