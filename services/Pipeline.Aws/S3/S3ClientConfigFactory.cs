using Amazon;
using Amazon.S3;
using Pipeline.Aws.Core;

namespace Pipeline.Aws.S3;

/// <summary>The AWSSDK.S3 configuration that matches the other clients' endpoint and region resolution.</summary>
public static class S3ClientConfigFactory
{
    /// <summary>
    /// An <see cref="AmazonS3Config"/> for <paramref name="options"/>: a configured endpoint (option,
    /// <c>AWS_ENDPOINT_URL_S3</c>, <c>AWS_ENDPOINT_URL</c>) with path-style addressing, since local clouds do not
    /// serve bucket subdomains; otherwise the region's AWS endpoint.
    /// </summary>
    public static AmazonS3Config Create(AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var region = AwsRegionResolver.Resolve(options.Region, options.GetEnvironmentVariable);
        var config = new AmazonS3Config
        {
            MaxErrorRetry = Math.Max(0, options.MaxAttempts - 1),
        };

        var endpoint = AwsEndpointResolver.ResolveConfigured(AwsServices.S3, options.Endpoint, options.GetEnvironmentVariable);
        if (endpoint is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            config.ServiceURL = endpoint.ToString();
            config.ForcePathStyle = true;
            // With a ServiceURL the SDK cannot infer the signing region from the host name.
            config.AuthenticationRegion = region;
        }

        return config;
    }

    /// <summary>An S3 client for <paramref name="options"/>; the caller disposes it.</summary>
    public static AmazonS3Client CreateClient(AwsClientOptions options)
    {
        var config = Create(options);
        return options.Credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(options.Credentials, config);
    }
}
