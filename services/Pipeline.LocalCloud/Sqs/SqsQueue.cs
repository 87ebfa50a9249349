using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Sqs;

/// <summary>A queue's settings, its messages in send order, and the signal long polls wait on; guarded by the store's lock.</summary>
internal sealed class SqsQueue(string name, string arn, SqsQueueSettings settings, DateTimeOffset createdAt)
{
    public string Name { get; } = name;

    public string Arn { get; } = arn;

    public SqsQueueSettings Settings { get; set; } = settings;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public List<StoredMessage> Messages { get; } = [];

    /// <summary>Completed and replaced on each send, so a waiting receive wakes as soon as a message arrives.</summary>
    public TaskCompletionSource Arrival { get; private set; } = NewSignal();

    public void SignalArrival()
    {
        var arrived = Arrival;
        Arrival = NewSignal();
        arrived.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A message in a queue and its delivery state, also as saved in the state file; guarded by the store's lock.</summary>
internal sealed class StoredMessage(string id, string body, IReadOnlyDictionary<string, SqsMessageAttribute> attributes, DateTimeOffset sentAt, DateTimeOffset visibleAt, string? traceHeader = null)
{
    public string Id { get; } = id;

    public string Body { get; } = body;

    public IReadOnlyDictionary<string, SqsMessageAttribute> Attributes { get; } = attributes;

    public DateTimeOffset SentAt { get; } = sentAt;

    /// <summary>The <c>AWSTraceHeader</c> system attribute: the sender's trace, in X-Ray format.</summary>
    public string? TraceHeader { get; } = traceHeader;

    public DateTimeOffset VisibleAt { get; set; } = visibleAt;

    public int ReceiveCount { get; set; }

    public DateTimeOffset? FirstReceivedAt { get; set; }

    /// <summary>The handle of the latest receive; null until received.</summary>
    public string? ReceiptHandle { get; set; }
}

/// <summary>A queue's settable attributes, in seconds as the API spells them.</summary>
internal sealed record SqsQueueSettings(
    int VisibilityTimeout,
    int MessageRetentionPeriod,
    int ReceiveMessageWaitTimeSeconds,
    int DelaySeconds,
    int MaximumMessageSize,
    string? RedrivePolicy,
    string? DeadLetterTargetArn,
    int MaxReceiveCount);

/// <summary>A queue as saved in <c>&lt;data dir&gt;/sqs/state.json</c>.</summary>
internal sealed record SqsQueueSnapshot(string Name, string Arn, SqsQueueSettings Settings, DateTimeOffset CreatedAt, StoredMessage[] Messages);

/// <summary>The saved state's shapes.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SqsQueueSnapshot[]))]
internal sealed partial class SqsStateJsonContext : JsonSerializerContext;
