namespace Pipeline.Contracts.Aws.Sqs;

public sealed record SqsBatchItemFailure(string ItemIdentifier);
