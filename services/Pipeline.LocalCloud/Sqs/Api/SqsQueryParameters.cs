using System.Globalization;

namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>
/// The parameters of an SQS Query request (<c>Action=SendMessage&amp;QueueUrl=…&amp;MessageAttribute.1.Name=…</c>)
/// read into the same request shapes the JSON protocol uses. Lists and maps are flattened, as the 2012-11-05 Query
/// API names them: <c>AttributeName.1</c>, <c>Attribute.1.Name</c>/<c>Attribute.1.Value</c>,
/// <c>SendMessageBatchRequestEntry.1.Id</c>, …
/// </summary>
internal sealed class SqsQueryParameters(IReadOnlyDictionary<string, string> values, string? pathQueueUrl = null)
{
    public string? Action => Get("Action");

    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;

    public CreateQueueInput CreateQueue() => new(Get("QueueName"), Map("Attribute", "Name", "Value"));

    public GetQueueUrlInput GetQueueUrl() => new(Get("QueueName"), Get("QueueOwnerAWSAccountId"));

    public ListQueuesInput ListQueues() => new(Get("QueueNamePrefix"), Int("MaxResults"), Get("NextToken"));

    public QueueUrlInput QueueUrl() => new(Queue());

    public GetQueueAttributesInput GetQueueAttributes() => new(Queue(), List("AttributeName"));

    public SetQueueAttributesInput SetQueueAttributes() => new(Queue(), Map("Attribute", "Name", "Value"));

    public SendMessageInput SendMessage() => new(Queue(), Get("MessageBody"), Int("DelaySeconds"), MessageAttributes("MessageAttribute"), MessageAttributes("MessageSystemAttribute"));

    public SendMessageBatchInput SendMessageBatch() => new(
        Queue(),
        Indices("SendMessageBatchRequestEntry").Select(p => new SendMessageBatchEntry(
            Get($"{p}.Id"), Get($"{p}.MessageBody"), Int($"{p}.DelaySeconds"), MessageAttributes($"{p}.MessageAttribute"), MessageAttributes($"{p}.MessageSystemAttribute"))).ToArray());

    public ReceiveMessageInput ReceiveMessage() => new(
        Queue(),
        Int("MaxNumberOfMessages"),
        Int("VisibilityTimeout"),
        Int("WaitTimeSeconds"),
        List("AttributeName"),
        List("MessageSystemAttributeName"),
        List("MessageAttributeName"));

    public DeleteMessageInput DeleteMessage() => new(Queue(), Get("ReceiptHandle"));

    public DeleteMessageBatchInput DeleteMessageBatch() => new(
        Queue(),
        Indices("DeleteMessageBatchRequestEntry").Select(p => new DeleteMessageBatchEntry(Get($"{p}.Id"), Get($"{p}.ReceiptHandle"))).ToArray());

    public ChangeMessageVisibilityInput ChangeMessageVisibility() => new(Queue(), Get("ReceiptHandle"), Int("VisibilityTimeout"));

    public ChangeMessageVisibilityBatchInput ChangeMessageVisibilityBatch() => new(
        Queue(),
        Indices("ChangeMessageVisibilityBatchRequestEntry").Select(p => new ChangeMessageVisibilityBatchEntry(
            Get($"{p}.Id"), Get($"{p}.ReceiptHandle"), Int($"{p}.VisibilityTimeout"))).ToArray());

    /// <summary>The QueueUrl parameter; older clients post to the queue's URL instead of naming it.</summary>
    private string? Queue() => Get("QueueUrl") ?? pathQueueUrl;

    private int? Int(string name) => Get(name) is { } text
        ? int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw SqsErrors.InvalidParameterValue($"Value {text} for parameter {name} is invalid. Reason: Must be an integer.")
        : null;

    /// <summary><c>name.1</c>, <c>name.2</c>, … in index order; null when there is none. A key below an index
    /// (<c>name.1.member.x</c>) is not a list item.</summary>
    private string[]? List(string name)
    {
        var items = Indices(name).Select(Get).OfType<string>().ToArray();
        return items.Length == 0 ? null : items;
    }

    private Dictionary<string, string>? Map(string name, string key, string value)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in Indices(name))
        {
            if (Get($"{p}.{key}") is { } k)
            {
                map[k] = Get($"{p}.{value}") ?? "";
            }
        }

        return map.Count == 0 ? null : map;
    }

    private Dictionary<string, MessageAttributeValue>? MessageAttributes(string name)
    {
        var map = new Dictionary<string, MessageAttributeValue>(StringComparer.Ordinal);
        foreach (var p in Indices(name))
        {
            if (Get($"{p}.Name") is not { } attribute)
            {
                continue;
            }

            byte[]? binary = null;
            if (Get($"{p}.Value.BinaryValue") is { } base64)
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

            map[attribute] = new MessageAttributeValue(Get($"{p}.Value.DataType"), Get($"{p}.Value.StringValue"), binary);
        }

        return map.Count == 0 ? null : map;
    }

    /// <summary>The distinct <c>name.N</c> prefixes present, ordered by N.</summary>
    private IEnumerable<string> Indices(string name)
    {
        var start = name + ".";
        return values.Keys
            .Where(k => k.StartsWith(start, StringComparison.Ordinal))
            .Select(k =>
            {
                var rest = k[start.Length..];
                var dot = rest.IndexOf('.', StringComparison.Ordinal);
                return dot < 0 ? rest : rest[..dot];
            })
            .Where(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => int.Parse(n, CultureInfo.InvariantCulture))
            .Select(n => start + n);
    }
}
