using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>
/// SQS over its JSON 1.0 protocol: <c>POST /</c> with <c>X-Amz-Target: AmazonSQS.&lt;Operation&gt;</c>. The model is
/// awsQueryCompatible, so errors are written here rather than by the router: SDKs read the
/// <c>x-amzn-query-error</c> header to raise the query-era codes (AWS.SimpleQueueService.NonExistentQueue, …).
/// </summary>
internal sealed class SqsEndpoint(SqsQueueStore store) : IAwsServiceEndpoint
{
    public const string TargetPrefix = "AmazonSQS";

    private const string ContentType = "application/x-amz-json-1.0";

    private static SqsApiJsonContext Json => SqsApiJsonContext.Default;

    public string SigningName => "sqs";

    public AwsProtocol Protocol => AwsProtocol.Json;

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await DispatchAsync(context).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            await WriteErrorAsync(context, e).ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        if (!HttpMethods.IsPost(context.Request.Method) || dot < 0 || target[..dot] != TargetPrefix)
        {
            throw new AwsServiceException("UnknownOperationException", $"LocalCloud's SQS serves only the JSON protocol (X-Amz-Target: AmazonSQS.<Operation>); got '{target}'.");
        }

        var cancellationToken = context.RequestAborted;
        switch (target[(dot + 1)..])
        {
            case "CreateQueue":
            {
                var input = await ReadAsync(context, Json.CreateQueueInput).ConfigureAwait(false);
                var name = store.Create(input.QueueName, input.Attributes);
                await WriteAsync(context, new QueueUrlOutput(UrlOf(context, name)), Json.QueueUrlOutput).ConfigureAwait(false);
                break;
            }

            case "GetQueueUrl":
            {
                var input = await ReadAsync(context, Json.GetQueueUrlInput).ConfigureAwait(false);
                var name = store.Resolve(input.QueueName ?? throw SqsErrors.MissingParameter("QueueName"));
                await WriteAsync(context, new QueueUrlOutput(UrlOf(context, name)), Json.QueueUrlOutput).ConfigureAwait(false);
                break;
            }

            case "ListQueues":
            {
                var input = await ReadAsync(context, Json.ListQueuesInput).ConfigureAwait(false);
                var urls = store.List(input.QueueNamePrefix).Take(input.MaxResults ?? 1000).Select(n => UrlOf(context, n)).ToArray();
                await WriteAsync(context, new ListQueuesOutput(urls), Json.ListQueuesOutput).ConfigureAwait(false);
                break;
            }

            case "DeleteQueue":
            {
                var input = await ReadAsync(context, Json.QueueUrlInput).ConfigureAwait(false);
                store.Delete(input.QueueUrl);
                await WriteAsync(context, new EmptyOutput(), Json.EmptyOutput).ConfigureAwait(false);
                break;
            }

            case "PurgeQueue":
            {
                var input = await ReadAsync(context, Json.QueueUrlInput).ConfigureAwait(false);
                store.Purge(input.QueueUrl);
                await WriteAsync(context, new EmptyOutput(), Json.EmptyOutput).ConfigureAwait(false);
                break;
            }

            case "GetQueueAttributes":
            {
                var input = await ReadAsync(context, Json.GetQueueAttributesInput).ConfigureAwait(false);
                var attributes = store.GetAttributes(input.QueueUrl, input.AttributeNames);
                await WriteAsync(context, new GetQueueAttributesOutput(attributes), Json.GetQueueAttributesOutput).ConfigureAwait(false);
                break;
            }

            case "SendMessage":
            {
                var input = await ReadAsync(context, Json.SendMessageInput).ConfigureAwait(false);
                var result = await store.SendAsync(
                    SqsQueueStore.NameOf(input.QueueUrl),
                    input.MessageBody ?? throw SqsErrors.MissingParameter("MessageBody"),
                    ToAttributes(input.MessageAttributes),
                    input.DelaySeconds,
                    cancellationToken).ConfigureAwait(false);
                await WriteAsync(context, new SendMessageOutput(result.MessageId, result.Md5OfBody, result.Md5OfMessageAttributes), Json.SendMessageOutput).ConfigureAwait(false);
                break;
            }

            case "SendMessageBatch":
            {
                var input = await ReadAsync(context, Json.SendMessageBatchInput).ConfigureAwait(false);
                var queue = store.Resolve(input.QueueUrl);
                var entries = input.Entries ?? [];
                CheckBatch(entries.Select(e => e.Id).ToArray());
                var successful = new List<SendMessageBatchResultEntry>();
                var failed = new List<BatchResultErrorEntry>();
                foreach (var entry in entries)
                {
                    try
                    {
                        var result = await store.SendAsync(
                            queue,
                            entry.MessageBody ?? throw SqsErrors.MissingParameter("MessageBody"),
                            ToAttributes(entry.MessageAttributes),
                            entry.DelaySeconds,
                            cancellationToken).ConfigureAwait(false);
                        successful.Add(new SendMessageBatchResultEntry(entry.Id!, result.MessageId, result.Md5OfBody, result.Md5OfMessageAttributes));
                    }
                    catch (AwsServiceException e) when (e.Code != "QueueDoesNotExist")
                    {
                        failed.Add(new BatchResultErrorEntry(entry.Id!, SenderFault: true, e.Code, e.Message));
                    }
                }

                await WriteAsync(context, new SendMessageBatchOutput([.. successful], [.. failed]), Json.SendMessageBatchOutput).ConfigureAwait(false);
                break;
            }

            case "ReceiveMessage":
            {
                var input = await ReadAsync(context, Json.ReceiveMessageInput).ConfigureAwait(false);
                var messages = await store.ReceiveAsync(
                    SqsQueueStore.NameOf(input.QueueUrl),
                    input.MaxNumberOfMessages ?? 1,
                    input.VisibilityTimeout is { } v ? TimeSpan.FromSeconds(v) : null,
                    input.WaitTimeSeconds is { } w ? TimeSpan.FromSeconds(w) : null,
                    cancellationToken).ConfigureAwait(false);
                var systemNames = (input.MessageSystemAttributeNames ?? []).Concat(input.AttributeNames ?? []).ToHashSet(StringComparer.Ordinal);
                var output = messages.Select(m => ToOutput(m, systemNames, input.MessageAttributeNames ?? [])).ToArray();
                await WriteAsync(context, new ReceiveMessageOutput(output), Json.ReceiveMessageOutput).ConfigureAwait(false);
                break;
            }

            case "DeleteMessage":
            {
                var input = await ReadAsync(context, Json.DeleteMessageInput).ConfigureAwait(false);
                await store.DeleteAsync(SqsQueueStore.NameOf(input.QueueUrl), input.ReceiptHandle ?? throw SqsErrors.MissingParameter("ReceiptHandle"), cancellationToken).ConfigureAwait(false);
                await WriteAsync(context, new EmptyOutput(), Json.EmptyOutput).ConfigureAwait(false);
                break;
            }

            case "DeleteMessageBatch":
            {
                var input = await ReadAsync(context, Json.DeleteMessageBatchInput).ConfigureAwait(false);
                var queue = store.Resolve(input.QueueUrl);
                var entries = input.Entries ?? [];
                CheckBatch(entries.Select(e => e.Id).ToArray());
                var successful = new List<BatchResultEntry>();
                var failed = new List<BatchResultErrorEntry>();
                foreach (var entry in entries)
                {
                    try
                    {
                        await store.DeleteAsync(queue, entry.ReceiptHandle ?? throw SqsErrors.MissingParameter("ReceiptHandle"), cancellationToken).ConfigureAwait(false);
                        successful.Add(new BatchResultEntry(entry.Id!));
                    }
                    catch (AwsServiceException e) when (e.Code != "QueueDoesNotExist")
                    {
                        failed.Add(new BatchResultErrorEntry(entry.Id!, SenderFault: true, e.Code, e.Message));
                    }
                }

                await WriteAsync(context, new DeleteMessageBatchOutput([.. successful], [.. failed]), Json.DeleteMessageBatchOutput).ConfigureAwait(false);
                break;
            }

            case "ChangeMessageVisibility":
            {
                var input = await ReadAsync(context, Json.ChangeMessageVisibilityInput).ConfigureAwait(false);
                store.ChangeVisibility(input.QueueUrl, input.ReceiptHandle, input.VisibilityTimeout ?? throw SqsErrors.MissingParameter("VisibilityTimeout"));
                await WriteAsync(context, new EmptyOutput(), Json.EmptyOutput).ConfigureAwait(false);
                break;
            }

            default:
                throw new AwsServiceException("UnknownOperationException", $"LocalCloud's SQS does not implement {target}.");
        }
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

    private static MessageOutput ToOutput(SqsReceivedMessage message, HashSet<string> systemNames, string[] attributeNames)
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

        Add("ApproximateReceiveCount", message.ReceiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("SentTimestamp", message.SentAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("ApproximateFirstReceiveTimestamp", message.FirstReceivedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("SenderId", "AIDAIT2UOQQY3AUEKVGXU");

        var wantAllAttributes = attributeNames.Contains("All") || attributeNames.Contains(".*");
        var attributes = message.MessageAttributes
            .Where(a => wantAllAttributes || attributeNames.Contains(a.Key)
                || attributeNames.Any(n => n.EndsWith(".*", StringComparison.Ordinal) && a.Key.StartsWith(n[..^1], StringComparison.Ordinal)))
            .ToDictionary(a => a.Key, a => new MessageAttributeValue(a.Value.DataType, a.Value.StringValue, a.Value.BinaryValue), StringComparer.Ordinal);
        return new MessageOutput(
            message.MessageId,
            message.ReceiptHandle,
            message.Md5OfBody,
            message.Body,
            system.Count > 0 ? system : null,
            attributes.Count > 0 ? message.Md5OfMessageAttributes : null,
            attributes.Count > 0 ? attributes : null);
    }

    private static Dictionary<string, SqsMessageAttribute> ToAttributes(Dictionary<string, MessageAttributeValue>? attributes) =>
        (attributes ?? []).ToDictionary(
            a => a.Key,
            a => new SqsMessageAttribute(a.Value.DataType ?? throw SqsErrors.InvalidParameterValue($"The message attribute '{a.Key}' must contain a DataType."), a.Value.StringValue, a.Value.BinaryValue),
            StringComparer.Ordinal);

    /// <summary>The URL a client reaches the queue at: the host it used, then account and name.</summary>
    private string UrlOf(HttpContext context, string name) =>
        $"{context.Request.Scheme}://{context.Request.Host}/{store.AccountId}/{name}";

    private static async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            var input = await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted).ConfigureAwait(false);
            return input ?? throw new AwsServiceException("SerializationException", "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException("SerializationException", $"The request body is not valid for this operation: {e.Message}");
        }
    }

    private static async Task WriteAsync<T>(HttpContext context, T output, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-RequestId"] = RequestIds.Of(context);
        await JsonSerializer.SerializeAsync(context.Response.Body, output, type, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteErrorAsync(HttpContext context, AwsServiceException error)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            context.Abort();
            return;
        }

        response.Clear();
        response.StatusCode = error.StatusCode;
        response.ContentType = ContentType;
        response.Headers["x-amzn-RequestId"] = RequestIds.Of(context);
        response.Headers["x-amzn-query-error"] = $"{SqsErrors.QueryCodeOf(error.Code)};{(error.StatusCode < 500 ? "Sender" : "Receiver")}";
        var encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        await response.WriteAsync(
            $"{{\"__type\":\"com.amazonaws.sqs#{encoder.Encode(error.Code)}\",\"message\":\"{encoder.Encode(error.Message)}\"}}",
            Encoding.UTF8,
            context.RequestAborted).ConfigureAwait(false);
    }
}
