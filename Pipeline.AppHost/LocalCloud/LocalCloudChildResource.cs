using Aspire.Hosting.ApplicationModel;
using Pipeline.Aws;

namespace Pipeline.AppHost.LocalCloud;

/// <summary>
/// Something LocalCloud holds (a function, a crawler, a job, a workgroup, a bucket): shown under LocalCloud in the
/// dashboard, its state read through the AWS APIs, as it would be read from AWS.
/// </summary>
/// <param name="name">The dashboard's name for it.</param>
/// <param name="awsName">Its name in AWS (the function, crawler, job, workgroup or bucket name).</param>
/// <param name="cloud">The LocalCloud resource that holds it.</param>
public abstract class LocalCloudChildResource(string name, string awsName, ProjectResource cloud)
    : Resource(name), IResourceWithParent<ProjectResource>
{
    public string AwsName { get; } = awsName;

    public ProjectResource Parent { get; } = cloud;

    /// <summary>The kind shown in the dashboard's resource list.</summary>
    public abstract string ResourceType { get; }

    /// <summary>Reads the current state from LocalCloud; <see cref="ResourceNotFound"/> when it does not exist (yet).</summary>
    public abstract Task<ResourceReading> ReadAsync(AwsClientFactory aws, CancellationToken cancellationToken);

    protected static ResourceReading ResourceNotFound { get; } =
        new(new ResourceStateSnapshot(KnownResourceStates.Waiting, KnownResourceStateStyles.Info), []);
}
