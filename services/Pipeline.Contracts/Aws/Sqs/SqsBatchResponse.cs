namespace Pipeline.Contracts.Aws.Sqs;

/// <summary>The partial-batch response: the messages to leave on the queue for redelivery.</summary>
public sealed record SqsBatchResponse(IReadOnlyList<SqsBatchItemFailure> BatchItemFailures);
