using Pipeline.Provisioning;
using Pipeline.Contracts.Datasets;

namespace Pipeline.EndToEndTests.Infrastructure;

/// <summary>The whole local deployment in a LocalCloud process, provisioned exactly as the app host provisions it.</summary>
internal static class LocalPipeline
{
    public const string AccountId = "000000000000";

    public static Task<DeployedPipeline> DeployAsync(LocalCloudProcess cloud, DatasetCatalog catalog, CancellationToken cancellationToken = default) =>
        DeployedPipeline.DeployAsync(cloud.Clients(), catalog, AccountId, cloud.DataDirectory, cancellationToken);
}
