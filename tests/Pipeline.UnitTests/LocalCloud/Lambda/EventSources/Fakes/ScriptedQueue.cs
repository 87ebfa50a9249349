using Microsoft.Extensions.Time.Testing;
using Pipeline.LocalCloud.Sqs;
using Pipeline.UnitTests.LocalCloud.Sqs.Fakes;

namespace Pipeline.UnitTests.LocalCloud.LambdaService.EventSources.Fakes;

/// <summary>
/// A queue that answers each receive with the next scripted batch (an empty one when the script is over) and records
/// receives and deletions. Like SQS's long poll, a receive that finds messages takes <see cref="ReceiveTakes"/> and an
/// empty one takes its whole wait.
/// </summary>
internal sealed class ScriptedQueue(FakeTimeProvider time, params IReadOnlyList<SqsReceivedMessage>[] script) : ISqsQueues
{
    private readonly Queue<IReadOnlyList<SqsReceivedMessage>> _script = new(script);

    public TimeSpan ReceiveTakes { get; init; } = TimeSpan.FromSeconds(1);

    public List<(int Max, TimeSpan? Wait)> Receives { get; } = [];

    public List<string> Deleted { get; } = [];

    public static SqsReceivedMessage Message(string id, string body = "{}") =>
        new(id, "handle-" + id, body, SqsChecksums.OfBody(body), new Dictionary<string, SqsMessageAttribute>(), null, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(1));

    public Task<IReadOnlyList<SqsReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan? visibility, TimeSpan? wait, CancellationToken cancellationToken = default)
    {
        Receives.Add((maxMessages, wait));
        var next = _script.Count > 0 ? _script.Dequeue() : [];
        time.Advance(next.Count > 0 ? ReceiveTakes : wait ?? ReceiveTakes);
        return Task.FromResult<IReadOnlyList<SqsReceivedMessage>>(next.Take(maxMessages).ToList());
    }

    public Task DeleteAsync(string queue, string receiptHandle, CancellationToken cancellationToken = default)
    {
        Deleted.Add(receiptHandle["handle-".Length..]);
        return Task.CompletedTask;
    }

    public Task<SqsSendResult> SendAsync(string queue, string body, IReadOnlyDictionary<string, SqsMessageAttribute>? attributes = null, int? delaySeconds = null, string? traceHeader = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public string GetQueueArn(string queue) => "arn:aws:sqs:us-east-1:000000000000:" + queue;
}
