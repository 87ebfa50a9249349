using System.Diagnostics;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Pipeline.LocalCloud.Storage;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.LocalCloud.Hosting;

/// <summary>
/// A message on its way to one target (EventBridge's targets, SNS's subscriptions), as kept in the service's
/// <c>deliveries.queue/</c> folder from the moment the call that accepted it answers until it is delivered or given up.
/// </summary>
internal abstract record QueuedDelivery
{
    /// <summary>Its file in the queue folder.</summary>
    [JsonIgnore]
    public string? Key { get; init; }

    /// <summary>The span the message was accepted in, as its W3C <c>traceparent</c>: the delivery continues its trace.</summary>
    public string? Traceparent { get; init; }

    /// <summary>When the service accepted it: the start of its maximum age.</summary>
    public DateTimeOffset AcceptedAt { get; init; }

    /// <summary>Attempts made, whatever their outcome.</summary>
    public int Attempts { get; init; }

    /// <summary>Attempts on which the target function ran and failed.</summary>
    public int FunctionErrors { get; init; }

    /// <summary>When the next attempt is due; null when it is due at once.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    [JsonIgnore]
    public ActivityContext Publisher => TraceParent.TryParse(Traceparent, out var publisher) ? publisher : default;
}

/// <summary>
/// The deliveries of one service: each written to its queue folder before it is queued in memory, attempted one at a
/// time by <see cref="RunAsync"/>, retried when due without holding up the others, and removed once done. A restart,
/// even after a crash, takes up what an earlier run left in the folder: at-least-once delivery.
/// </summary>
internal sealed class DeliveryQueue<T>
    where T : QueuedDelivery
{
    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly WorkSpool<T> _spool;
    private readonly TimeProvider _time;
    private IReadOnlyList<T> _recovered;

    public DeliveryQueue(string directory, JsonTypeInfo<T> type, TimeProvider time)
    {
        _spool = new WorkSpool<T>(directory, type);
        _time = time;
        var (items, unreadable) = _spool.Load();
        _recovered = items.Select(i => (T)((QueuedDelivery)i.Item with { Key = i.Key })).ToList();
        Unreadable = unreadable;
    }

    public string Directory => _spool.Directory;

    /// <summary>Queue files an earlier run left that cannot be read; set aside as <c>*.unreadable</c>.</summary>
    public IReadOnlyList<string> Unreadable { get; }

    /// <summary>Deliveries accepted and not yet delivered or given up (queued, waiting for a retry, or running).</summary>
    public int Pending => System.IO.Directory.EnumerateFiles(Directory, "*.json").Count();

    /// <summary>Accepts a delivery, stamped with the current span and time.</summary>
    public void Add(T delivery)
    {
        delivery = (T)((QueuedDelivery)delivery with
        {
            Traceparent = Activity.Current is { } current ? TraceParent.Format(current.Context) : null,
            AcceptedAt = _time.GetUtcNow(),
        });

        // On disk before the service answers: from here on a crash delays the delivery, it does not lose it.
        _channel.Writer.TryWrite((T)((QueuedDelivery)delivery with { Key = _spool.Add(delivery) }));
    }

    /// <summary>
    /// Runs one attempt after another until cancelled; the service's hosted loop calls it. The first run also takes up
    /// the deliveries an earlier run left (<paramref name="resumed"/> is told how many), each when its next attempt is due.
    /// </summary>
    public async Task RunAsync(Func<T, CancellationToken, Task> attempt, Action<int> resumed, CancellationToken cancellationToken)
    {
        IReadOnlyList<T> recovered;
        lock (_gate)
        {
            (recovered, _recovered) = (_recovered, []);
        }

        if (recovered.Count > 0)
        {
            resumed(recovered.Count);
        }

        foreach (var delivery in recovered)
        {
            Schedule(delivery, cancellationToken);
        }

        try
        {
            await foreach (var delivery in _channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await attempt(delivery, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: undelivered messages stay in the queue folder for the next start.
        }
    }

    /// <summary>The delivery is done: delivered, or given up.</summary>
    public void Done(T delivery) => _spool.Remove(delivery.Key!);

    /// <summary>Records the failed attempt and schedules the next one after <paramref name="delay"/>.</summary>
    public void Retry(T next, TimeSpan delay, CancellationToken cancellationToken)
    {
        next = (T)((QueuedDelivery)next with { NextAttemptAt = _time.GetUtcNow() + delay });
        _spool.Update(next.Key!, next);
        Schedule(next, cancellationToken);
    }

    // A retry is scheduled, not waited for, so one failing target does not hold up the others.
    private void Schedule(T delivery, CancellationToken cancellationToken)
    {
        var wait = delivery.NextAttemptAt is { } due ? due - _time.GetUtcNow() : TimeSpan.Zero;
        if (wait <= TimeSpan.Zero)
        {
            _channel.Writer.TryWrite(delivery);
            return;
        }

        _ = RequeueAsync(delivery, wait, cancellationToken);
    }

    private async Task RequeueAsync(T delivery, TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            _channel.Writer.TryWrite(delivery);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the delivery waits in the queue folder for the next start.
        }
    }
}
