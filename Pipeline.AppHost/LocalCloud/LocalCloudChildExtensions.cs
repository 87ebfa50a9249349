using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Pipeline.AppHost.LocalCloud;

/// <summary>Adds what LocalCloud holds to the app model, under LocalCloud, waiting until it is read.</summary>
public static class LocalCloudChildExtensions
{
    public static IResourceBuilder<T> AddChild<T>(this IResourceBuilder<ProjectResource> cloud, T child)
        where T : LocalCloudChildResource
    {
        // One watcher reads every child; adding it twice is a no-op (TryAddEnumerable).
        cloud.ApplicationBuilder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LocalCloudWatcher>());
        return cloud.ApplicationBuilder.AddResource(child)
            .WithParentRelationship(cloud)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = child.ResourceType,
                State = new ResourceStateSnapshot(KnownResourceStates.Waiting, KnownResourceStateStyles.Info),
                Properties = [new ResourcePropertySnapshot("aws.name", child.AwsName) { DisplayName = "AWS name" }],
            });
    }
}
