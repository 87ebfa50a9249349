using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Sqs;
using Pipeline.LocalCloud.Storage;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.LocalCloud.S3.Notifications;

/// <summary>
/// Sends S3 event notifications: listens to every write and delete of the object store (S3's PUT, copy and multipart
/// completion, Firehose deliveries, in-process writers) and enqueues one record per matching queue configuration.
/// The store raises its events after the change is committed and before the writer's call returns, and the queue
/// saves the message before <c>SendAsync</c> returns, so an accepted object's event is not lost; a queue deleted
/// since the configuration was saved is logged, as S3 drops such events.
/// </summary>
internal sealed partial class S3EventNotifier(
    IObjectStore store,
    NotificationConfigurationStore configurations,
    LocalCloudOptions cloud,
    TimeProvider time,
    ILogger<S3EventNotifier> logger,
    ISqsQueues? queues = null) : IHostedService
{
    /// <summary>Spans of S3's own work, under <c>Pipeline.LocalCloud.S3</c>.</summary>
    private static readonly ActivitySource Source = new("Pipeline.LocalCloud.S3");

    private readonly EventSequencer _sequencer = new(time);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        store.ObjectCreated += OnCreatedAsync;
        store.ObjectRemoved += OnRemovedAsync;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        store.ObjectCreated -= OnCreatedAsync;
        store.ObjectRemoved -= OnRemovedAsync;
        return Task.CompletedTask;
    }

    internal Task OnCreatedAsync(ObjectCreated created, CancellationToken cancellationToken) =>
        NotifyAsync(
            new S3EventDetails(created.EventName, created.Object.Bucket, created.Object.Key, created.Object.Size, created.Object.ETag, created.RequestId ?? NewRequestId(), time.GetUtcNow(), _sequencer.Next()),
            cancellationToken);

    internal Task OnRemovedAsync(ObjectRemoved removed, CancellationToken cancellationToken) =>
        NotifyAsync(
            new S3EventDetails(removed.EventName, removed.Bucket, removed.Key, null, null, removed.RequestId ?? NewRequestId(), time.GetUtcNow(), _sequencer.Next()),
            cancellationToken);

    private async Task NotifyAsync(S3EventDetails details, CancellationToken cancellationToken)
    {
        var matching = configurations.Get(details.Bucket).QueueConfigurations.Where(q => q.Matches(details.EventName, details.Key)).ToList();
        if (matching.Count == 0)
        {
            return;
        }

        // S3 carries no trace to the queue; LocalCloud stamps each message with AWS's own SQS propagation (the
        // AWSTraceHeader system attribute) of the write that caused it, so the consumer's span joins that trace.
        using var activity = Source.StartActivity("S3 notification", ActivityKind.Producer);
        activity?.SetTag("aws.s3.bucket", details.Bucket);
        activity?.SetTag("aws.s3.key", details.Key);
        activity?.SetTag("messaging.operation.type", "send");
        var traceHeader = XRayTraceHeader.FromCurrent();
        foreach (var configuration in matching)
        {
            var body = S3EventMessages.Record(details, cloud.Region, configuration.Id);
            try
            {
                if (queues is null)
                {
                    throw SqsErrors.QueueDoesNotExist();
                }

                await queues.SendAsync(configuration.QueueArn, body, traceHeader: traceHeader, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e)
            {
                LogUndelivered(details.EventName, details.Bucket, details.Key, configuration.QueueArn, e.Message);
            }
        }
    }

    private static string NewRequestId() => Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();

    [LoggerMessage(Level = LogLevel.Warning, Message = "S3 event {EventName} for {Bucket}/{Key} not delivered to {Queue}: {Reason}")]
    private partial void LogUndelivered(string eventName, string bucket, string key, string queue, string reason);
}
