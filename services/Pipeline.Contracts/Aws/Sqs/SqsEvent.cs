namespace Pipeline.Contracts.Aws.Sqs;

/// <summary>A batch of SQS messages delivered to a Lambda function.</summary>
public sealed record SqsEvent(IReadOnlyList<SqsMessage> Records);
