namespace Pipeline.Contracts.Aws.Sqs;

public sealed record SqsMessageAttribute(
    string? StringValue,
    string? BinaryValue,
    IReadOnlyList<string>? StringListValues,
    IReadOnlyList<string>? BinaryListValues,
    string DataType);
