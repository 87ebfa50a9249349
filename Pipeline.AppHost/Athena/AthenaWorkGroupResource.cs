using Aspire.Hosting.ApplicationModel;
using Pipeline.AppHost.LocalCloud;
using Pipeline.Aws;

namespace Pipeline.AppHost.Athena;

/// <summary>The pipeline's Athena workgroup; its console shows the queries run from the dashboard.</summary>
public sealed class AthenaWorkGroupResource(string name, string workGroup, ProjectResource cloud)
    : LocalCloudChildResource(name, workGroup, cloud)
{
    public override string ResourceType => "Athena workgroup";

    public override async Task<ResourceReading> ReadAsync(AwsClientFactory aws, CancellationToken cancellationToken)
    {
        try
        {
            var group = await aws.CreateAthena().GetWorkGroupAsync(AwsName, cancellationToken);
            var enabled = !string.Equals(group.State, "DISABLED", StringComparison.Ordinal);
            return new ResourceReading(
                enabled
                    ? new ResourceStateSnapshot(KnownResourceStates.Running, KnownResourceStateStyles.Success)
                    : new ResourceStateSnapshot("Disabled", KnownResourceStateStyles.Warn),
                [
                    new("aws.athena.workgroup.state", group.State ?? "") { DisplayName = "State" },
                    new("aws.athena.output", group.Configuration?.ResultConfiguration?.OutputLocation ?? "") { DisplayName = "Results" },
                ]);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "InvalidRequestException")
        {
            return ResourceNotFound;
        }
    }
}
