using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda.Execution;
using Pipeline.LocalCloud.Sqs;

namespace Pipeline.LocalCloud.Lambda.EventSources;

/// <summary>
/// Runs one poller per enabled mapping, starting and stopping them as mappings are created, disabled or deleted.
/// Each round reads the mapping afresh, so an update applies from the next batch. Stopping LocalCloud cancels the
/// pollers and waits for them; a batch whose invocation was cut short is not deleted and comes back after its
/// visibility timeout.
/// </summary>
internal sealed partial class EventSourceMappingHost(
    EventSourceMappingStore store,
    FunctionHost functions,
    TimeProvider time,
    LocalCloudOptions cloud,
    ILogger<EventSourceMappingHost> logger,
    ISqsQueues? sqs = null) : IHostedService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _pollers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private SqsBatchPoller? _poller;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (sqs is not { } queues)
        {
            return Task.CompletedTask;
        }

        _poller = new SqsBatchPoller(queues, functions, time, cloud.Region);
        store.Changed += Reconcile;
        Reconcile();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        store.Changed -= Reconcile;
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (_gate)
        {
            running = [.. _pollers.Values];
        }

        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void Reconcile()
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            foreach (var mapping in store.List().Where(m => m.Enabled))
            {
                if (!_pollers.TryGetValue(mapping.Uuid, out var running) || running.IsCompleted)
                {
                    _pollers[mapping.Uuid] = Task.Run(() => PollAsync(mapping.Uuid, _stopping.Token));
                }
            }
        }
    }

    private async Task PollAsync(string uuid, CancellationToken cancellationToken)
    {
        // The poller outlives the CreateEventSourceMapping call that may have started it: its invocations must not
        // join that call's trace (the messages carry their own, in AWSTraceHeader).
        Activity.Current = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            // Deleted or disabled: this poller ends; a later enable starts a new one.
            if (store.Find(uuid) is not { Enabled: true } mapping)
            {
                return;
            }

            try
            {
                if (functions.Store.Find(mapping.FunctionName) is null)
                {
                    // Receiving now would only use up the messages' receive counts.
                    LogFunctionMissing(uuid, mapping.FunctionName);
                    await Task.Delay(RetryDelay, time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var outcome = await _poller!.PollOnceAsync(mapping, functions.Store.ArnOf(mapping.FunctionName), cancellationToken).ConfigureAwait(false);
                if (outcome.Received > 0)
                {
                    LogBatch(mapping.FunctionName, mapping.EventSourceArn, outcome.Received, outcome.Deleted, outcome.FunctionError ?? "none");
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPollFailed(e, uuid, mapping.EventSourceArn);
                try
                {
                    await Task.Delay(RetryDelay, time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event source {Queue} → {Function}: {Received} messages, {Deleted} deleted (function error: {Error})")]
    private partial void LogBatch(string function, string queue, int received, int deleted, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event source mapping {Uuid}: function {Function} does not exist; waiting")]
    private partial void LogFunctionMissing(string uuid, string function);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event source mapping {Uuid} could not poll {Queue}")]
    private partial void LogPollFailed(Exception exception, string uuid, string queue);
}
