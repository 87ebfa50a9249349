namespace Pipeline.LocalCloud.Sqs.Api;

// SQS's request and response shapes, shared by its JSON and Query protocols.

/// <summary>A succeeded entry of DeleteMessageBatch.</summary>
internal sealed record BatchResultEntry(string Id);

/// <summary>A failed entry of a batch.</summary>
internal sealed record BatchResultErrorEntry(string Id, bool SenderFault, string Code, string Message);

/// <summary>One handle of ChangeMessageVisibilityBatch.</summary>
internal sealed record ChangeMessageVisibilityBatchEntry(string? Id, string? ReceiptHandle, int? VisibilityTimeout);

/// <summary>ChangeMessageVisibilityBatch's request.</summary>
internal sealed record ChangeMessageVisibilityBatchInput(string? QueueUrl, ChangeMessageVisibilityBatchEntry[]? Entries);

/// <summary>ChangeMessageVisibilityBatch's answer.</summary>
internal sealed record ChangeMessageVisibilityBatchOutput(BatchResultEntry[] Successful, BatchResultErrorEntry[] Failed);

/// <summary>ChangeMessageVisibility's request.</summary>
internal sealed record ChangeMessageVisibilityInput(string? QueueUrl, string? ReceiptHandle, int? VisibilityTimeout);

/// <summary>CreateQueue's request.</summary>
internal sealed record CreateQueueInput(string? QueueName, Dictionary<string, string>? Attributes);

/// <summary>One handle of DeleteMessageBatch.</summary>
internal sealed record DeleteMessageBatchEntry(string? Id, string? ReceiptHandle);

/// <summary>DeleteMessageBatch's request.</summary>
internal sealed record DeleteMessageBatchInput(string? QueueUrl, DeleteMessageBatchEntry[]? Entries);

/// <summary>DeleteMessageBatch's answer.</summary>
internal sealed record DeleteMessageBatchOutput(BatchResultEntry[] Successful, BatchResultErrorEntry[] Failed);

/// <summary>DeleteMessage's request.</summary>
internal sealed record DeleteMessageInput(string? QueueUrl, string? ReceiptHandle);

/// <summary>The empty answer of operations that return nothing.</summary>
internal sealed record EmptyOutput();

/// <summary>GetQueueAttributes' request.</summary>
internal sealed record GetQueueAttributesInput(string? QueueUrl, string[]? AttributeNames);

/// <summary>GetQueueAttributes' answer.</summary>
internal sealed record GetQueueAttributesOutput(IReadOnlyDictionary<string, string> Attributes);

/// <summary>GetQueueUrl's request.</summary>
internal sealed record GetQueueUrlInput(string? QueueName, string? QueueOwnerAWSAccountId);

/// <summary>ListQueues' request.</summary>
internal sealed record ListQueuesInput(string? QueueNamePrefix, int? MaxResults, string? NextToken);

/// <summary>ListQueues' answer.</summary>
internal sealed record ListQueuesOutput(string[] QueueUrls);

/// <summary>A message attribute on the wire; BinaryValue is base64 in JSON.</summary>
internal sealed record MessageAttributeValue(string? DataType, string? StringValue, byte[]? BinaryValue);

/// <summary>A received message on the wire.</summary>
internal sealed record MessageOutput(string MessageId, string ReceiptHandle, string MD5OfBody, string Body, Dictionary<string, string>? Attributes, string? MD5OfMessageAttributes, Dictionary<string, MessageAttributeValue>? MessageAttributes);

/// <summary>A request naming only a queue: DeleteQueue, PurgeQueue.</summary>
internal sealed record QueueUrlInput(string? QueueUrl);

/// <summary>CreateQueue's and GetQueueUrl's answer.</summary>
internal sealed record QueueUrlOutput(string QueueUrl);

/// <summary>ReceiveMessage's request.</summary>
internal sealed record ReceiveMessageInput(string? QueueUrl, int? MaxNumberOfMessages, int? VisibilityTimeout, int? WaitTimeSeconds, string[]? AttributeNames, string[]? MessageSystemAttributeNames, string[]? MessageAttributeNames);

/// <summary>ReceiveMessage's answer.</summary>
internal sealed record ReceiveMessageOutput(MessageOutput[] Messages);

/// <summary>One message of SendMessageBatch.</summary>
internal sealed record SendMessageBatchEntry(
    string? Id,
    string? MessageBody,
    int? DelaySeconds,
    Dictionary<string, MessageAttributeValue>? MessageAttributes,
    Dictionary<string, MessageAttributeValue>? MessageSystemAttributes = null);

/// <summary>SendMessageBatch's request.</summary>
internal sealed record SendMessageBatchInput(string? QueueUrl, SendMessageBatchEntry[]? Entries);

/// <summary>SendMessageBatch's answer.</summary>
internal sealed record SendMessageBatchOutput(SendMessageBatchResultEntry[] Successful, BatchResultErrorEntry[] Failed);

/// <summary>A sent message of SendMessageBatch.</summary>
internal sealed record SendMessageBatchResultEntry(string Id, string MessageId, string MD5OfMessageBody, string? MD5OfMessageAttributes);

/// <summary>SendMessage's request.</summary>
internal sealed record SendMessageInput(
    string? QueueUrl,
    string? MessageBody,
    int? DelaySeconds,
    Dictionary<string, MessageAttributeValue>? MessageAttributes,
    Dictionary<string, MessageAttributeValue>? MessageSystemAttributes = null);

/// <summary>SendMessage's answer.</summary>
internal sealed record SendMessageOutput(string MessageId, string MD5OfMessageBody, string? MD5OfMessageAttributes);

/// <summary>SetQueueAttributes' request.</summary>
internal sealed record SetQueueAttributesInput(string? QueueUrl, Dictionary<string, string>? Attributes);
