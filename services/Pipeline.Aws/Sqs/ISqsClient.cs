namespace Pipeline.Aws.Sqs;

/// <summary>The Amazon SQS operations the pipeline calls (IAM action <c>sqs:&lt;Operation&gt;</c> each).</summary>
public interface ISqsClient
{
    /// <summary>CreateQueue; idempotent when the attributes match. Returns the queue URL.</summary>
    Task<string> CreateQueueAsync(string queueName, IReadOnlyDictionary<string, string>? attributes = null, CancellationToken cancellationToken = default);

    /// <summary>GetQueueUrl. <see cref="SqsErrorCodes.QueueDoesNotExist"/> for an unknown name.</summary>
    Task<string> GetQueueUrlAsync(string queueName, CancellationToken cancellationToken = default);

    /// <summary>GetQueueAttributes; <c>All</c> when no names are given.</summary>
    Task<IReadOnlyDictionary<string, string>> GetQueueAttributesAsync(string queueUrl, IReadOnlyList<string>? attributeNames = null, CancellationToken cancellationToken = default);

    /// <summary>SetQueueAttributes.</summary>
    Task SetQueueAttributesAsync(string queueUrl, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken = default);

    /// <summary>SendMessage.</summary>
    Task<SqsSendMessageResult> SendMessageAsync(SqsSendMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary>ReceiveMessage; an empty list when nothing arrived within the wait time.</summary>
    Task<IReadOnlyList<SqsReceivedMessage>> ReceiveMessageAsync(SqsReceiveMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary>DeleteMessage.</summary>
    Task DeleteMessageAsync(string queueUrl, string receiptHandle, CancellationToken cancellationToken = default);
}
