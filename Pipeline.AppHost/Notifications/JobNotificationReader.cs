using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.AppHost.LocalCloud;
using Pipeline.Aws;

namespace Pipeline.AppHost.Notifications;

/// <summary>
/// Shows every notification of each <see cref="JobNotificationsResource"/> (the job notifications, the alarms) in its
/// console as it is published: once provisioning has created the topic, subscribes a queue to it and reads it. The messages also stay in LocalCloud's
/// data directory.
/// </summary>
public sealed class JobNotificationReader(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceLoggerService loggers) : BackgroundService
{
    /// <summary>The resource that must finish before the topic exists.</summary>
    public const string ProvisioningResource = "provisioning";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(model.Resources.OfType<JobNotificationsResource>().Select(r => ShowAsync(r, stoppingToken)));

    private async Task ShowAsync(JobNotificationsResource resource, CancellationToken stoppingToken)
    {
        var console = loggers.GetLogger(resource);
        var aws = resource.Parent.Annotations.OfType<LocalCloudAnnotation>().Single().Connection.Clients();
        try
        {
            await notifications.WaitForResourceAsync(ProvisioningResource, KnownResourceStates.Finished, stoppingToken);
            using var sqs = aws.CreateSqs();
            var queueUrl = await SubscribeAsync(aws, sqs, resource, stoppingToken);
            console.LogInformation("Showing every notification published on {Topic}.", resource.AwsName);
            await ReadAsync(sqs, queueUrl, console, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static async Task<string> SubscribeAsync(AwsClientFactory aws, IAmazonSQS sqs, JobNotificationsResource resource, CancellationToken cancellationToken)
    {
        var queueUrl = (await sqs.CreateQueueAsync(resource.QueueName, cancellationToken)).QueueUrl;
        var queueArn = (await sqs.GetQueueAttributesAsync(queueUrl, [QueueAttributeName.QueueArn], cancellationToken)).QueueARN;
        var sns = aws.CreateSns();
        var subscribed = await sns.ListSubscriptionsByTopicAsync(resource.AwsName, cancellationToken: cancellationToken);
        if (!(subscribed.Subscriptions ?? []).Any(s => s.Endpoint == queueArn))
        {
            await sns.SubscribeAsync(resource.AwsName, "sqs", queueArn, cancellationToken: cancellationToken);
        }

        return queueUrl;
    }

    private static async Task ReadAsync(IAmazonSQS sqs, string queueUrl, ILogger console, CancellationToken stopping)
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
                    console.LogInformation("[notification] {Subject}{NewLine}{Message}", subject, Environment.NewLine, text);
                    await sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle, stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or JsonException)
            {
                console.LogWarning("Cannot read notifications: {Reason}", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
