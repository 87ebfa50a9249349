using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.AppHost.LocalCloud;

namespace Pipeline.AppHost.Notifications;

public static class JobNotificationsExtensions
{
    /// <summary>A topic (job notifications, alarms), each message shown in the resource's console once provisioning has run.</summary>
    public static IResourceBuilder<JobNotificationsResource> AddJobNotifications(this IResourceBuilder<ProjectResource> cloud, string name, string topicArn, string queueName)
    {
        cloud.ApplicationBuilder.Services.AddHostedService<JobNotificationReader>();
        return cloud.AddChild(new JobNotificationsResource(name, topicArn, queueName, cloud.Resource));
    }
}
