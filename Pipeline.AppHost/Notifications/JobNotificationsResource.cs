using Aspire.Hosting.ApplicationModel;
using Pipeline.AppHost.LocalCloud;
using Pipeline.Aws;

namespace Pipeline.AppHost.Notifications;

/// <summary>
/// A notification topic (the job notifications, the alarms) as an operator watches it without an inbox: a queue subscribed to it, each message
/// shown in this resource's console.
/// </summary>
public sealed class JobNotificationsResource(string name, string topicArn, string queueName, ProjectResource cloud)
    : LocalCloudChildResource(name, topicArn, cloud)
{
    public string QueueName { get; } = queueName;

    public override string ResourceType => "SNS topic";

    public override async Task<ResourceReading> ReadAsync(AwsClientFactory aws, CancellationToken cancellationToken)
    {
        try
        {
            var subscriptions = await aws.CreateSns().ListSubscriptionsByTopicAsync(AwsName, cancellationToken: cancellationToken);
            return new ResourceReading(
                new ResourceStateSnapshot(KnownResourceStates.Running, KnownResourceStateStyles.Success),
                [
                    new("aws.sns.topic", AwsName) { DisplayName = "Topic" },
                    new("aws.sns.subscriptions", subscriptions.Subscriptions?.Count ?? 0) { DisplayName = "Subscriptions" },
                ]);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "NotFound")
        {
            return ResourceNotFound;
        }
    }
}
