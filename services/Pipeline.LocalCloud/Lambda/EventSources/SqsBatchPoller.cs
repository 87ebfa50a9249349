using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Sqs;

namespace Pipeline.LocalCloud.Lambda.EventSources;

/// <summary>
/// One round of an SQS event source: long-polls the queue in process, gathers up to BatchSize messages within the
/// batching window (or until the payload nears Lambda's 6 MB synchronous limit), invokes the function synchronously
/// and deletes what <see cref="BatchResponse"/> says was processed. Undeleted messages return to the queue after their
/// visibility timeout, and the queue's redrive policy moves them to its dead-letter queue in the end.
/// </summary>
public sealed class SqsBatchPoller(ISqsQueues queues, IFunctionInvoker invoker, TimeProvider time, string region)
{
    /// <summary>How long one receive waits for the first message (SQS's longest long poll).</summary>
    public static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(SqsLimits.MaxWaitSeconds);

    // Room for one more receive's worst case (ten messages at the size limit, with their record's other members).
    private const int WorstCaseRecordBytes = SqsLimits.MaxMessageBytes + 4096;

    public async Task<BatchOutcome> PollOnceAsync(EventSourceMapping mapping, string functionArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var batch = await GatherAsync(mapping, cancellationToken).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return new BatchOutcome(0, 0, null);
        }

        var payload = SqsEventBuilder.Build(batch, mapping.EventSourceArn, region);
        FunctionInvocationResult result;
        try
        {
            result = await invoker.InvokeAsync(functionArn, payload, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            // The function is gone or refused the batch: like a function error, the messages come back later.
            return new BatchOutcome(batch.Count, 0, e.Code);
        }

        var toDelete = BatchResponse.ToDelete(batch, result, mapping.ReportBatchItemFailures);
        foreach (var message in toDelete)
        {
            // Processed is processed: the deletions are not abandoned because the poller is stopping.
            await queues.DeleteAsync(mapping.EventSourceArn, message.ReceiptHandle, CancellationToken.None).ConfigureAwait(false);
        }

        return new BatchOutcome(batch.Count, toDelete.Count, result.FunctionError);
    }

    internal async Task<List<SqsReceivedMessage>> GatherAsync(EventSourceMapping mapping, CancellationToken cancellationToken)
    {
        var batch = new List<SqsReceivedMessage>();
        long bytes = 0;
        DateTimeOffset? deadline = null;
        while (batch.Count < mapping.BatchSize)
        {
            TimeSpan wait;
            if (deadline is null)
            {
                wait = LongPoll;
            }
            else
            {
                var remaining = deadline.Value - time.GetUtcNow();
                if (remaining <= TimeSpan.Zero)
                {
                    break;
                }

                wait = remaining < LongPoll ? remaining : LongPoll;
            }

            var room = (int)Math.Min(SqsLimits.MaxReceiveMessages, Math.Min(mapping.BatchSize - batch.Count, (LambdaLimits.SyncRequestBytes - bytes) / WorstCaseRecordBytes));
            if (room <= 0)
            {
                break;
            }

            var received = await queues.ReceiveAsync(mapping.EventSourceArn, room, null, wait, cancellationToken).ConfigureAwait(false);
            if (received.Count == 0)
            {
                if (deadline is null)
                {
                    return batch;
                }

                continue;
            }

            batch.AddRange(received);
            bytes += received.Sum(m => (long)System.Text.Encoding.UTF8.GetByteCount(m.Body) + 1024);
            if (deadline is null)
            {
                // Without a window Lambda invokes with what one receive returned.
                if (mapping.MaximumBatchingWindowInSeconds == 0)
                {
                    break;
                }

                deadline = time.GetUtcNow().AddSeconds(mapping.MaximumBatchingWindowInSeconds);
            }
        }

        return batch;
    }
}

/// <summary>What one round of a mapping's poller did.</summary>
/// <param name="Received">Messages in the batch; 0 when the long poll found none and the function was not invoked.</param>
/// <param name="Deleted">Messages deleted after the invocation.</param>
/// <param name="FunctionError">The invocation's error type, or the API error that kept it from running; null on success.</param>
public sealed record BatchOutcome(int Received, int Deleted, string? FunctionError);
