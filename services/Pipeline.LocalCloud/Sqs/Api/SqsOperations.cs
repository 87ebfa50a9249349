using System.Globalization;
using Pipeline.AwsShapes;
using Pipeline.AwsShapes.Sqs;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>
/// SQS's operations on the API's request and answer shapes, shared by both wire protocols (JSON 1.0 and Query):
/// the endpoint only reads a request into these shapes and writes the answer back in the caller's protocol.
/// </summary>
/// <remarks><c>baseUrl</c> is the scheme and host the client used; queue URLs are built on it.</remarks>
internal sealed class SqsOperations(SqsQueueStore store)
{
    /// <summary>The AWS SenderId of messages LocalCloud holds; it has no IAM principals.</summary>
    public const string SenderId = "AIDAIT2UOQQY3AUEKVGXU";

    /// <summary>The system attribute that carries the sender's trace (X-Ray format).</summary>
    public const string TraceHeaderAttribute = "AWSTraceHeader";

    public CreateQueueResult CreateQueue(CreateQueueRequest input, string baseUrl) =>
        new() { QueueUrl = UrlOf(baseUrl, store.Create(input.QueueName, input.Attributes)) };

    public GetQueueUrlResult GetQueueUrl(GetQueueUrlRequest input, string baseUrl) =>
        new() { QueueUrl = UrlOf(baseUrl, store.Resolve(input.QueueName ?? throw SqsErrors.MissingParameter("QueueName"))) };

    public ListQueuesResult ListQueues(ListQueuesRequest input, string baseUrl) =>
        new() { QueueUrls = [.. store.List(input.QueueNamePrefix).Take(input.MaxResults ?? 1000).Select(n => UrlOf(baseUrl, n))] };

    public EmptyOutput DeleteQueue(DeleteQueueRequest input)
    {
        store.Delete(input.QueueUrl);
        return new EmptyOutput();
    }

    public EmptyOutput PurgeQueue(PurgeQueueRequest input)
    {
        store.Purge(input.QueueUrl);
        return new EmptyOutput();
    }

    public GetQueueAttributesResult GetQueueAttributes(GetQueueAttributesRequest input) =>
        new() { Attributes = store.GetAttributes(input.QueueUrl, input.AttributeNames?.ToArray()) };

    public EmptyOutput SetQueueAttributes(SetQueueAttributesRequest input)
    {
        store.SetAttributes(input.QueueUrl, input.Attributes ?? throw SqsErrors.MissingParameter("Attributes"));
        return new EmptyOutput();
    }

    public async Task<SendMessageResult> SendMessageAsync(SendMessageRequest input, CancellationToken cancellationToken)
    {
        var result = await store.SendAsync(
            SqsQueueStore.NameOf(input.QueueUrl),
            input.MessageBody ?? throw SqsErrors.MissingParameter("MessageBody"),
            ToAttributes(input.MessageAttributes),
            input.DelaySeconds,
            TraceHeaderOf(input.MessageSystemAttributes),
            cancellationToken).ConfigureAwait(false);
        return new SendMessageResult { MessageId = result.MessageId, MD5OfMessageBody = result.Md5OfBody, MD5OfMessageAttributes = result.Md5OfMessageAttributes };
    }

    public async Task<SendMessageBatchResult> SendMessageBatchAsync(SendMessageBatchRequest input, CancellationToken cancellationToken)
    {
        var queue = store.Resolve(input.QueueUrl);
        var (successful, failed) = await BatchAsync(input.Entries, e => e.Id, async entry =>
        {
            var result = await store.SendAsync(
                queue,
                entry.MessageBody ?? throw SqsErrors.MissingParameter("MessageBody"),
                ToAttributes(entry.MessageAttributes),
                entry.DelaySeconds,
                TraceHeaderOf(entry.MessageSystemAttributes),
                cancellationToken).ConfigureAwait(false);
            return new SendMessageBatchResultEntry { Id = entry.Id, MessageId = result.MessageId, MD5OfMessageBody = result.Md5OfBody, MD5OfMessageAttributes = result.Md5OfMessageAttributes };
        }).ConfigureAwait(false);
        return new SendMessageBatchResult { Successful = successful, Failed = failed };
    }

    public async Task<ReceiveMessageResult> ReceiveMessageAsync(ReceiveMessageRequest input, CancellationToken cancellationToken)
    {
        var messages = await store.ReceiveAsync(
            SqsQueueStore.NameOf(input.QueueUrl),
            input.MaxNumberOfMessages ?? 1,
            input.VisibilityTimeout is { } v ? TimeSpan.FromSeconds(v) : null,
            input.WaitTimeSeconds is { } w ? TimeSpan.FromSeconds(w) : null,
            cancellationToken).ConfigureAwait(false);
        var systemNames = (input.MessageSystemAttributeNames ?? []).Concat(input.AttributeNames ?? []).ToHashSet(StringComparer.Ordinal);
        return new ReceiveMessageResult { Messages = [.. messages.Select(m => ToOutput(m, systemNames, input.MessageAttributeNames ?? []))] };
    }

    public async Task<EmptyOutput> DeleteMessageAsync(DeleteMessageRequest input, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(SqsQueueStore.NameOf(input.QueueUrl), input.ReceiptHandle ?? throw SqsErrors.MissingParameter("ReceiptHandle"), cancellationToken).ConfigureAwait(false);
        return new EmptyOutput();
    }

    public async Task<DeleteMessageBatchResult> DeleteMessageBatchAsync(DeleteMessageBatchRequest input, CancellationToken cancellationToken)
    {
        var queue = store.Resolve(input.QueueUrl);
        var (successful, failed) = await BatchAsync(input.Entries, e => e.Id, async entry =>
        {
            await store.DeleteAsync(queue, entry.ReceiptHandle ?? throw SqsErrors.MissingParameter("ReceiptHandle"), cancellationToken).ConfigureAwait(false);
            return new DeleteMessageBatchResultEntry { Id = entry.Id };
        }).ConfigureAwait(false);
        return new DeleteMessageBatchResult { Successful = successful, Failed = failed };
    }

    public EmptyOutput ChangeMessageVisibility(ChangeMessageVisibilityRequest input)
    {
        store.ChangeVisibility(input.QueueUrl, input.ReceiptHandle, input.VisibilityTimeout ?? throw SqsErrors.MissingParameter("VisibilityTimeout"));
        return new EmptyOutput();
    }

    public async Task<ChangeMessageVisibilityBatchResult> ChangeMessageVisibilityBatchAsync(ChangeMessageVisibilityBatchRequest input)
    {
        var queue = store.Resolve(input.QueueUrl);
        var (successful, failed) = await BatchAsync(input.Entries, e => e.Id, entry =>
        {
            store.ChangeVisibility(queue, entry.ReceiptHandle ?? throw SqsErrors.MissingParameter("ReceiptHandle"), entry.VisibilityTimeout ?? throw SqsErrors.MissingParameter("VisibilityTimeout"));
            return Task.FromResult(new ChangeMessageVisibilityBatchResultEntry { Id = entry.Id });
        }).ConfigureAwait(false);
        return new ChangeMessageVisibilityBatchResult { Successful = successful, Failed = failed };
    }

    /// <summary>
    /// A batch: its rules are checked before any entry runs; then each entry succeeds or fails on its own, except
    /// that a missing queue fails the whole request.
    /// </summary>
    private static async Task<(TResult[] Successful, BatchResultErrorEntry[] Failed)> BatchAsync<TEntry, TResult>(
        IReadOnlyList<TEntry>? entries, Func<TEntry, string?> id, Func<TEntry, Task<TResult>> run)
    {
        entries ??= [];
        CheckBatch([.. entries.Select(id)]);
        var successful = new List<TResult>();
        var failed = new List<BatchResultErrorEntry>();
        foreach (var entry in entries)
        {
            try
            {
                successful.Add(await run(entry).ConfigureAwait(false));
            }
            catch (AwsServiceException e) when (e.Code != "QueueDoesNotExist")
            {
                failed.Add(new BatchResultErrorEntry { Id = id(entry), SenderFault = true, Code = e.Code, Message = e.Message });
            }
        }

        return ([.. successful], [.. failed]);
    }

    /// <summary>Batch rules checked before any entry is processed, as AWS does.</summary>
    internal static void CheckBatch(IReadOnlyList<string?> ids)
    {
        if (ids.Count == 0)
        {
            throw SqsErrors.EmptyBatch();
        }

        if (ids.Count > SqsLimits.MaxBatchEntries)
        {
            throw SqsErrors.TooManyEntries(ids.Count);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (string.IsNullOrEmpty(id) || id.Length > 80 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw SqsErrors.InvalidBatchEntryId();
            }

            if (!seen.Add(id))
            {
                throw SqsErrors.IdsNotDistinct(id);
            }
        }
    }

    private static Message ToOutput(SqsReceivedMessage message, HashSet<string> systemNames, IReadOnlyList<string> attributeNames)
    {
        var all = systemNames.Contains("All");
        var system = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string name, string value)
        {
            if (all || systemNames.Contains(name))
            {
                system[name] = value;
            }
        }

        Add("ApproximateReceiveCount", message.ReceiveCount.ToString(CultureInfo.InvariantCulture));
        Add("SentTimestamp", message.SentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Add("ApproximateFirstReceiveTimestamp", message.FirstReceivedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Add("SenderId", SenderId);
        if (message.TraceHeader is { } traceHeader)
        {
            Add(TraceHeaderAttribute, traceHeader);
        }

        var wantAllAttributes = attributeNames.Contains("All") || attributeNames.Contains(".*");
        var attributes = message.MessageAttributes
            .Where(a => wantAllAttributes || attributeNames.Contains(a.Key)
                || attributeNames.Any(n => n.EndsWith(".*", StringComparison.Ordinal) && a.Key.StartsWith(n[..^1], StringComparison.Ordinal)))
            .ToDictionary(a => a.Key, a => new MessageAttributeValue { DataType = a.Value.DataType, StringValue = a.Value.StringValue, BinaryValue = a.Value.BinaryValue }, StringComparer.Ordinal);
        return new Message
        {
            MessageId = message.MessageId,
            ReceiptHandle = message.ReceiptHandle,
            MD5OfBody = message.Md5OfBody,
            Body = message.Body,
            Attributes = system.Count > 0 ? system : null,
            MD5OfMessageAttributes = attributes.Count > 0 ? message.Md5OfMessageAttributes : null,
            MessageAttributes = attributes.Count > 0 ? attributes : null,
        };
    }

    // SQS takes one message system attribute, AWSTraceHeader, a String of at most 8 KB in X-Ray format.
    private static string? TraceHeaderOf(IReadOnlyDictionary<string, MessageSystemAttributeValue>? system)
    {
        if (system is null || system.Count == 0)
        {
            return null;
        }

        foreach (var (name, value) in system)
        {
            if (name != TraceHeaderAttribute)
            {
                throw SqsErrors.InvalidParameterValue($"Message system attribute name '{name}' is invalid.");
            }

            if (value.DataType != "String" || string.IsNullOrEmpty(value.StringValue) || value.StringValue.Length > 8 * 1024)
            {
                throw SqsErrors.InvalidParameterValue($"Message system attribute '{name}' must be a String of 1 to 8192 characters.");
            }
        }

        return system[TraceHeaderAttribute].StringValue;
    }

    private static Dictionary<string, SqsMessageAttribute> ToAttributes(IReadOnlyDictionary<string, MessageAttributeValue>? attributes) =>
        (attributes ?? new Dictionary<string, MessageAttributeValue>()).ToDictionary(
            a => a.Key,
            a => new SqsMessageAttribute(a.Value.DataType ?? throw SqsErrors.InvalidParameterValue($"The message attribute '{a.Key}' must contain a DataType."), a.Value.StringValue, a.Value.BinaryValue),
            StringComparer.Ordinal);

    /// <summary>The URL a client reaches the queue at: the host it used, then account and name.</summary>
    private string UrlOf(string baseUrl, string name) => $"{baseUrl}/{store.AccountId}/{name}";
}
