namespace Pipeline.Aws.Sqs;

internal sealed record QueueUrlOutput(string? QueueUrl);
