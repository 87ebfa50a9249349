using System.Collections.Concurrent;
using Pipeline.LocalCloud.Sqs;

namespace Pipeline.UnitTests.LocalCloud.Sns.Fakes;

/// <summary>Records what is sent; SNS only sends.</summary>
internal sealed class RecordingSqsQueues : ISqsQueues
{
    public ConcurrentQueue<(string Queue, string Body)> Sent { get; } = new();

    public Task<SqsSendResult> SendAsync(string queue, string body, IReadOnlyDictionary<string, SqsMessageAttribute>? attributes = null, int? delaySeconds = null, string? traceHeader = null, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue((queue, body));
        return Task.FromResult(new SqsSendResult(Guid.NewGuid().ToString(), "md5", null));
    }

    public Task<IReadOnlyList<SqsReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan? visibility, TimeSpan? wait, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task DeleteAsync(string queue, string receiptHandle, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public string GetQueueArn(string queue) => throw new NotSupportedException();
}
