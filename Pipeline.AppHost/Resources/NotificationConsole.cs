using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Pipeline.Aws;

namespace Pipeline.AppHost.Resources;

/// <summary>
/// Prints every job notification as it is published: a queue subscribed to the notification topic, the way an
/// operator would watch a topic without an inbox. The messages also stay in LocalCloud's data directory.
/// </summary>
public sealed class NotificationConsole : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly IAmazonSQS _sqs;
    private readonly Task _loop;

    private NotificationConsole(IAmazonSQS sqs, string queueUrl, TextWriter output)
    {
        _sqs = sqs;
        _loop = Task.Run(() => PrintAsync(sqs, queueUrl, output, _stop.Token));
    }

    public static async Task<NotificationConsole> StartAsync(AwsClientFactory aws, string topicArn, string queueName, TextWriter output, CancellationToken cancellationToken)
    {
        var sqs = aws.CreateSqs();
        try
        {
            var queueUrl = (await sqs.CreateQueueAsync(queueName, cancellationToken)).QueueUrl;
            var queueArn = (await sqs.GetQueueAttributesAsync(queueUrl, [QueueAttributeName.QueueArn], cancellationToken)).QueueARN;
            var sns = aws.CreateSns();
            var subscribed = await sns.ListSubscriptionsByTopicAsync(topicArn, cancellationToken: cancellationToken);
            if (!subscribed.Subscriptions.Any(s => s.Endpoint == queueArn))
            {
                await sns.SubscribeAsync(topicArn, "sqs", queueArn, cancellationToken: cancellationToken);
            }

            return new NotificationConsole(sqs, queueUrl, output);
        }
        catch
        {
            sqs.Dispose();
            throw;
        }
    }

    private static async Task PrintAsync(IAmazonSQS sqs, string queueUrl, TextWriter output, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 10 }, stopping);

                // AWSSDK 4 leaves collections null when the response has none, rather than empty.
                foreach (var message in received.Messages ?? [])
                {
                    // SNS wraps what was published in its JSON envelope when it delivers to SQS.
                    using var envelope = JsonDocument.Parse(message.Body);
                    var subject = envelope.RootElement.TryGetProperty("Subject", out var s) ? s.GetString() : null;
                    var text = envelope.RootElement.TryGetProperty("Message", out var m) ? m.GetString() : message.Body;
                    await output.WriteLineAsync($"[notification] {subject}{Environment.NewLine}  {text?.Replace("\n", Environment.NewLine + "  ", StringComparison.Ordinal)}");
                    await sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle, stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or JsonException)
            {
                await output.WriteLineAsync($"[notification] cannot read notifications: {e.Message}");
                await Task.Delay(TimeSpan.FromSeconds(5), stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _sqs.Dispose();
    }
}
