namespace Pipeline.Aws.Sqs;

internal sealed record ReceiveMessageOutput(IReadOnlyList<SqsReceivedMessage>? Messages);
