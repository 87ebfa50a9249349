using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.S3;
using Pipeline.Aws.Core;

namespace Pipeline.Aws.Sdk;

/// <summary>
/// The AWSSDK.Extensions.NETCore.Setup <see cref="AWSOptions"/> for an <see cref="AwsClientOptions"/>, from which the
/// AWS SDK's own clients (S3, SQS) are made: with <c>CreateServiceClient&lt;T&gt;()</c> where there is no container, or
/// <c>AddDefaultAWSOptions</c> and <c>AddAWSService&lt;T&gt;()</c> where there is one. Only what the options pin is set;
/// the rest is left to the SDK's own chains, so credentials, region, <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>,
/// <c>AWS_ENDPOINT_URL</c>, a profile's <c>endpoint_url</c> and <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> resolve
/// exactly as in any other AWS SDK for .NET program.
/// </summary>
public static class AwsSdkOptions
{
    /// <summary>The options for <paramref name="options"/>; resolves nothing eagerly except the region of an explicit endpoint.</summary>
    public static AWSOptions From(AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var aws = new AWSOptions
        {
            Credentials = options.Credentials,
            Region = string.IsNullOrWhiteSpace(options.Region) ? null : RegionEndpoint.GetBySystemName(options.Region.Trim()),
        };
        aws.DefaultClientConfig.MaxErrorRetry = Math.Max(0, options.MaxAttempts - 1);

        if (options.Endpoint is { } endpoint)
        {
            aws.DefaultClientConfig.ServiceURL = endpoint.ToString();

            // A ServiceURL replaces the region in the client config, and a local host name says nothing about the
            // region, so the signing region has to be named.
            aws.DefaultClientConfig.AuthenticationRegion = AwsRegionResolver.Resolve(options.Region, options.GetEnvironmentVariable);
        }

        // LocalCloud and moto serve no bucket subdomains, so any endpoint that is not AWS's gets path-style requests.
        // Asking a fresh AmazonS3Config lets the SDK decide whether one is configured (variables, profile, ignore flag).
        if (options.Endpoint is not null || new AmazonS3Config().ServiceURL is not null)
        {
            // The package's channel to a service's own config: AmazonS3Config.ForcePathStyle, set by reflection that
            // IAmazonS3 keeps trim-safe ([DynamicDependency] on its config's public properties). Services without the
            // property (SQS) skip it.
            aws.DefaultClientConfig.ServiceSpecificSettings["ForcePathStyle"] = "true";
        }

        return aws;
    }
}
