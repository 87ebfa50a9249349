using Pipeline.AwsShapes.Sqs;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>
/// The parameters of an SQS Query request (<c>Action=SendMessage&amp;QueueUrl=…&amp;MessageAttribute.1.Name=…</c>)
/// read into the same request shapes the JSON protocol uses. Lists and maps are flattened, as the 2012-11-05 Query
/// API names them: <c>AttributeName.1</c>, <c>Attribute.1.Name</c>/<c>Attribute.1.Value</c>,
/// <c>SendMessageBatchRequestEntry.1.Id</c>, …
/// </summary>
internal static class SqsQueryRequests
{
    public static CreateQueueRequest CreateQueue(this QueryParameters p) => new() { QueueName = p.Get("QueueName"), Attributes = p.Map("Attribute", "Name", "Value") };

    public static GetQueueUrlRequest GetQueueUrl(this QueryParameters p) => new() { QueueName = p.Get("QueueName"), QueueOwnerAWSAccountId = p.Get("QueueOwnerAWSAccountId") };

    public static ListQueuesRequest ListQueues(this QueryParameters p) => new() { QueueNamePrefix = p.Get("QueueNamePrefix"), MaxResults = p.Int("MaxResults"), NextToken = p.Get("NextToken") };

    public static DeleteQueueRequest DeleteQueue(this QueryParameters p) => new() { QueueUrl = p.Queue() };

    public static PurgeQueueRequest PurgeQueue(this QueryParameters p) => new() { QueueUrl = p.Queue() };

    public static GetQueueAttributesRequest GetQueueAttributes(this QueryParameters p) => new() { QueueUrl = p.Queue(), AttributeNames = p.List("AttributeName") };

    public static SetQueueAttributesRequest SetQueueAttributes(this QueryParameters p) => new() { QueueUrl = p.Queue(), Attributes = p.Map("Attribute", "Name", "Value") };

    public static SendMessageRequest SendMessage(this QueryParameters p) => new()
    {
        QueueUrl = p.Queue(),
        MessageBody = p.Get("MessageBody"),
        DelaySeconds = p.Int("DelaySeconds"),
        MessageAttributes = p.MessageAttributes("MessageAttribute"),
        MessageSystemAttributes = p.SystemAttributes("MessageSystemAttribute"),
    };

    public static SendMessageBatchRequest SendMessageBatch(this QueryParameters p) => new()
    {
        QueueUrl = p.Queue(),
        Entries = [.. p.Indices("SendMessageBatchRequestEntry").Select(e => new SendMessageBatchRequestEntry
        {
            Id = p.Get($"{e}.Id"),
            MessageBody = p.Get($"{e}.MessageBody"),
            DelaySeconds = p.Int($"{e}.DelaySeconds"),
            MessageAttributes = p.MessageAttributes($"{e}.MessageAttribute"),
            MessageSystemAttributes = p.SystemAttributes($"{e}.MessageSystemAttribute"),
        })],
    };

    public static ReceiveMessageRequest ReceiveMessage(this QueryParameters p) => new()
    {
        QueueUrl = p.Queue(),
        MaxNumberOfMessages = p.Int("MaxNumberOfMessages"),
        VisibilityTimeout = p.Int("VisibilityTimeout"),
        WaitTimeSeconds = p.Int("WaitTimeSeconds"),
        AttributeNames = p.List("AttributeName"),
        MessageSystemAttributeNames = p.List("MessageSystemAttributeName"),
        MessageAttributeNames = p.List("MessageAttributeName"),
    };

    public static DeleteMessageRequest DeleteMessage(this QueryParameters p) => new() { QueueUrl = p.Queue(), ReceiptHandle = p.Get("ReceiptHandle") };

    public static DeleteMessageBatchRequest DeleteMessageBatch(this QueryParameters p) => new()
    {
        QueueUrl = p.Queue(),
        Entries = [.. p.Indices("DeleteMessageBatchRequestEntry").Select(e => new DeleteMessageBatchRequestEntry { Id = p.Get($"{e}.Id"), ReceiptHandle = p.Get($"{e}.ReceiptHandle") })],
    };

    public static ChangeMessageVisibilityRequest ChangeMessageVisibility(this QueryParameters p) =>
        new() { QueueUrl = p.Queue(), ReceiptHandle = p.Get("ReceiptHandle"), VisibilityTimeout = p.Int("VisibilityTimeout") };

    public static ChangeMessageVisibilityBatchRequest ChangeMessageVisibilityBatch(this QueryParameters p) => new()
    {
        QueueUrl = p.Queue(),
        Entries = [.. p.Indices("ChangeMessageVisibilityBatchRequestEntry").Select(e => new ChangeMessageVisibilityBatchRequestEntry
        {
            Id = p.Get($"{e}.Id"),
            ReceiptHandle = p.Get($"{e}.ReceiptHandle"),
            VisibilityTimeout = p.Int($"{e}.VisibilityTimeout"),
        })],
    };

    /// <summary>The QueueUrl parameter; older clients post to the queue's URL (<c>/&lt;account&gt;/&lt;queue&gt;</c>) instead of naming it.</summary>
    private static string? Queue(this QueryParameters p) =>
        p.Get("QueueUrl")
        ?? (Uri.TryCreate(p.RequestUrl, UriKind.Absolute, out var url) && url.AbsolutePath.Trim('/').Split('/') is [{ Length: > 0 } account, { Length: > 0 } queue]
            ? $"{url.GetLeftPart(UriPartial.Authority)}/{account}/{queue}"
            : null);

    private static Dictionary<string, MessageAttributeValue>? MessageAttributes(this QueryParameters p, string name) =>
        p.Attributes(name, (dataType, text, binary) => new MessageAttributeValue { DataType = dataType, StringValue = text, BinaryValue = binary });

    private static Dictionary<string, MessageSystemAttributeValue>? SystemAttributes(this QueryParameters p, string name) =>
        p.Attributes(name, (dataType, text, binary) => new MessageSystemAttributeValue { DataType = dataType, StringValue = text, BinaryValue = binary });

    private static Dictionary<string, T>? Attributes<T>(this QueryParameters p, string name, Func<string?, string?, byte[]?, T> value)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var i in p.Indices(name))
        {
            if (p.Get($"{i}.Name") is not { } attribute)
            {
                continue;
            }

            byte[]? binary = null;
            if (p.Get($"{i}.Value.BinaryValue") is { } base64)
            {
                try
                {
                    binary = Convert.FromBase64String(base64);
                }
                catch (FormatException)
                {
                    throw SqsErrors.InvalidParameterValue($"The message attribute '{attribute}' has an invalid binary value: it must be base64.");
                }
            }

            map[attribute] = value(p.Get($"{i}.Value.DataType"), p.Get($"{i}.Value.StringValue"), binary);
        }

        return map.Count == 0 ? null : map;
    }
}
