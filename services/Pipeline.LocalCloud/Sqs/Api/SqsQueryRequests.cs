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
    public static CreateQueueInput CreateQueue(this QueryParameters p) => new(p.Get("QueueName"), p.Map("Attribute", "Name", "Value"));

    public static GetQueueUrlInput GetQueueUrl(this QueryParameters p) => new(p.Get("QueueName"), p.Get("QueueOwnerAWSAccountId"));

    public static ListQueuesInput ListQueues(this QueryParameters p) => new(p.Get("QueueNamePrefix"), p.Int("MaxResults"), p.Get("NextToken"));

    public static QueueUrlInput QueueUrl(this QueryParameters p) => new(p.Queue());

    public static GetQueueAttributesInput GetQueueAttributes(this QueryParameters p) => new(p.Queue(), p.List("AttributeName"));

    public static SetQueueAttributesInput SetQueueAttributes(this QueryParameters p) => new(p.Queue(), p.Map("Attribute", "Name", "Value"));

    public static SendMessageInput SendMessage(this QueryParameters p) =>
        new(p.Queue(), p.Get("MessageBody"), p.Int("DelaySeconds"), p.MessageAttributes("MessageAttribute"), p.MessageAttributes("MessageSystemAttribute"));

    public static SendMessageBatchInput SendMessageBatch(this QueryParameters p) => new(
        p.Queue(),
        p.Indices("SendMessageBatchRequestEntry").Select(e => new SendMessageBatchEntry(
            p.Get($"{e}.Id"), p.Get($"{e}.MessageBody"), p.Int($"{e}.DelaySeconds"), p.MessageAttributes($"{e}.MessageAttribute"), p.MessageAttributes($"{e}.MessageSystemAttribute"))).ToArray());

    public static ReceiveMessageInput ReceiveMessage(this QueryParameters p) => new(
        p.Queue(),
        p.Int("MaxNumberOfMessages"),
        p.Int("VisibilityTimeout"),
        p.Int("WaitTimeSeconds"),
        p.List("AttributeName"),
        p.List("MessageSystemAttributeName"),
        p.List("MessageAttributeName"));

    public static DeleteMessageInput DeleteMessage(this QueryParameters p) => new(p.Queue(), p.Get("ReceiptHandle"));

    public static DeleteMessageBatchInput DeleteMessageBatch(this QueryParameters p) => new(
        p.Queue(),
        p.Indices("DeleteMessageBatchRequestEntry").Select(e => new DeleteMessageBatchEntry(p.Get($"{e}.Id"), p.Get($"{e}.ReceiptHandle"))).ToArray());

    public static ChangeMessageVisibilityInput ChangeMessageVisibility(this QueryParameters p) => new(p.Queue(), p.Get("ReceiptHandle"), p.Int("VisibilityTimeout"));

    public static ChangeMessageVisibilityBatchInput ChangeMessageVisibilityBatch(this QueryParameters p) => new(
        p.Queue(),
        p.Indices("ChangeMessageVisibilityBatchRequestEntry").Select(e => new ChangeMessageVisibilityBatchEntry(
            p.Get($"{e}.Id"), p.Get($"{e}.ReceiptHandle"), p.Int($"{e}.VisibilityTimeout"))).ToArray());

    /// <summary>The QueueUrl parameter; older clients post to the queue's URL (<c>/&lt;account&gt;/&lt;queue&gt;</c>) instead of naming it.</summary>
    private static string? Queue(this QueryParameters p) =>
        p.Get("QueueUrl")
        ?? (Uri.TryCreate(p.RequestUrl, UriKind.Absolute, out var url) && url.AbsolutePath.Trim('/').Split('/') is [{ Length: > 0 } account, { Length: > 0 } queue]
            ? $"{url.GetLeftPart(UriPartial.Authority)}/{account}/{queue}"
            : null);

    private static Dictionary<string, MessageAttributeValue>? MessageAttributes(this QueryParameters p, string name)
    {
        var map = new Dictionary<string, MessageAttributeValue>(StringComparer.Ordinal);
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

            map[attribute] = new MessageAttributeValue(p.Get($"{i}.Value.DataType"), p.Get($"{i}.Value.StringValue"), binary);
        }

        return map.Count == 0 ? null : map;
    }
}
