using Aspire.Hosting.ApplicationModel;
using Pipeline.AppHost.LocalCloud;
using Pipeline.Aws;

namespace Pipeline.AppHost.Functions;

/// <summary>A Lambda function: LocalCloud starts its processes on demand; its console is the function's log.</summary>
public sealed class LambdaFunctionResource(string name, string functionName, ProjectResource cloud)
    : LocalCloudChildResource(name, functionName, cloud)
{
    public override string ResourceType => "Lambda function";

    public override async Task<ResourceReading> ReadAsync(AwsClientFactory aws, CancellationToken cancellationToken)
    {
        try
        {
            var function = await aws.CreateLambda().GetFunctionAsync(AwsName, cancellationToken);
            return new ResourceReading(
                new ResourceStateSnapshot(KnownResourceStates.Running, KnownResourceStateStyles.Success),
                [
                    new("aws.arn", function.FunctionArn) { DisplayName = "ARN" },
                    new("aws.lambda.timeout", function.Timeout) { DisplayName = "Timeout (s)" },
                    new("aws.lambda.memory", function.MemorySize) { DisplayName = "Memory (MB)" },
                ]);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ResourceNotFoundException")
        {
            return ResourceNotFound;
        }
    }
}
