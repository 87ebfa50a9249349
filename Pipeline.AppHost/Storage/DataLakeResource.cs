using Amazon.S3;
using Aspire.Hosting.ApplicationModel;
using Pipeline.AppHost.LocalCloud;
using Pipeline.Aws;

namespace Pipeline.AppHost.Storage;

/// <summary>The data-lake bucket: raw, error and stage prefixes, the Glue script and Athena's results.</summary>
public sealed class DataLakeResource(string name, string bucket, ProjectResource cloud)
    : LocalCloudChildResource(name, bucket, cloud)
{
    public override string ResourceType => "S3 bucket";

    public override async Task<ResourceReading> ReadAsync(AwsClientFactory aws, CancellationToken cancellationToken)
    {
        using var s3 = aws.CreateS3();
        try
        {
            await s3.GetBucketLocationAsync(AwsName, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
        {
            return ResourceNotFound;
        }

        return new ResourceReading(
            new ResourceStateSnapshot(KnownResourceStates.Running, KnownResourceStateStyles.Success),
            [new("aws.s3.bucket", $"s3://{AwsName}/") { DisplayName = "Bucket" }]);
    }
}
