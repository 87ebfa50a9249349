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
