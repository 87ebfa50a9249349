namespace Pipeline.Aws.Sqs;

internal sealed record DeleteMessageInput(string QueueUrl, string ReceiptHandle);
