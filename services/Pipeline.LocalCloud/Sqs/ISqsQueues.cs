namespace Pipeline.LocalCloud.Sqs;

/// <summary>
/// LocalCloud's queues in process, for services that feed or drain SQS without HTTP (S3 notifications, Lambda event
/// source mappings). A queue is named by its URL, its ARN or its bare name. Errors are the API's
/// <see cref="Hosting.AwsServiceException"/>s (QueueDoesNotExist, ReceiptHandleIsInvalid, …).
/// </summary>
public interface ISqsQueues
{
    /// <summary>Enqueues one message, as SendMessage does.</summary>
    Task<SqsSendResult> SendAsync(string queue, string body, IReadOnlyDictionary<string, SqsMessageAttribute>? attributes = null, int? delaySeconds = null, string? traceHeader = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Receives up to <paramref name="maxMessages"/> messages, waiting up to <paramref name="wait"/> for the first to
    /// arrive (long polling). A null visibility uses the queue's VisibilityTimeout; a null wait its ReceiveMessageWaitTimeSeconds.
    /// </summary>
    Task<IReadOnlyList<SqsReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan? visibility, TimeSpan? wait, CancellationToken cancellationToken = default);

    /// <summary>Deletes a received message; a handle of a message already gone is ignored, as AWS does.</summary>
    Task DeleteAsync(string queue, string receiptHandle, CancellationToken cancellationToken = default);

    /// <summary>The queue's ARN: <c>arn:aws:sqs:&lt;region&gt;:&lt;account&gt;:&lt;name&gt;</c>.</summary>
    string GetQueueArn(string queue);
}

/// <summary>A message attribute: <c>String</c>, <c>Number</c> or <c>Binary</c> (optionally with a <c>.custom</c> suffix).</summary>
public sealed record SqsMessageAttribute(string DataType, string? StringValue, byte[]? BinaryValue);

/// <summary>What SendMessage answers: the id and the checksums clients verify.</summary>
public sealed record SqsSendResult(string MessageId, string Md5OfBody, string? Md5OfMessageAttributes);

/// <summary>One delivery of a message, with the system attributes AWS reports for it.</summary>
public sealed record SqsReceivedMessage(
    string MessageId,
    string ReceiptHandle,
    string Body,
    string Md5OfBody,
    IReadOnlyDictionary<string, SqsMessageAttribute> MessageAttributes,
    string? Md5OfMessageAttributes,
    int ReceiveCount,
    DateTimeOffset SentAt,
    DateTimeOffset FirstReceivedAt,
    string? TraceHeader = null);
