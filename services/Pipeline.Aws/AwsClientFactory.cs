using Amazon.Extensions.NETCore.Setup;
using Amazon.S3;
using Amazon.SQS;
using Pipeline.Aws.Athena;
using Pipeline.Aws.Core;
using Pipeline.Aws.EventBridge;
using Pipeline.Aws.Firehose;
using Pipeline.Aws.Glue;
using Pipeline.Aws.Sdk;
using Pipeline.Aws.Sns;

namespace Pipeline.Aws;

/// <summary>
/// Builds every AWS client from one <see cref="AwsClientOptions"/>, so all of them agree on region, endpoint and
/// credentials. The same code reaches AWS or a local cloud; only the endpoint differs. S3 and SQS are the AWS SDK's
/// own clients, made from <see cref="SdkOptions"/>; the services whose SDK packages the project cannot use are the thin
/// clients of this library.
/// </summary>
public sealed class AwsClientFactory
{
    private readonly Lazy<AWSOptions> _sdkOptions;

    /// <summary>Creates a factory for <paramref name="options"/>.</summary>
    public AwsClientFactory(AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;

        // Lazy: a factory used only for thin clients never needs the signing region of an explicit endpoint.
        _sdkOptions = new Lazy<AWSOptions>(() => AwsSdkOptions.From(options));
    }

    /// <summary>The options every client is built from.</summary>
    public AwsClientOptions Options { get; }

    /// <summary>
    /// The AWSSDK.Extensions.NETCore.Setup options the SDK clients are made from; a process with a service container
    /// registers them with <c>AddDefaultAWSOptions</c> and gets the same clients from <c>AddAWSService&lt;T&gt;()</c>.
    /// </summary>
    public AWSOptions SdkOptions => _sdkOptions.Value;

    /// <summary>
    /// A factory resolving everything from the environment and the AWS SDK chains, with <paramref name="endpointOverride"/>
    /// (e.g. <c>http://127.0.0.1:4566</c>) in front of the endpoint variables when given. Honours <c>AWS_MAX_ATTEMPTS</c>.
    /// </summary>
    public static AwsClientFactory FromEnvironment(Uri? endpointOverride = null)
    {
        var options = new AwsClientOptions { Endpoint = endpointOverride };
        if (int.TryParse(options.GetEnvironmentVariable("AWS_MAX_ATTEMPTS"), System.Globalization.CultureInfo.InvariantCulture, out var attempts) && attempts >= 1)
        {
            options = options with { MaxAttempts = attempts };
        }

        return new AwsClientFactory(options);
    }

    /// <summary>A Firehose client.</summary>
    public FirehoseClient CreateFirehose() => new(Options);

    /// <summary>A Glue client.</summary>
    public GlueClient CreateGlue() => new(Options);

    /// <summary>An EventBridge client.</summary>
    public EventBridgeClient CreateEventBridge() => new(Options);

    /// <summary>An Athena client.</summary>
    public AthenaClient CreateAthena() => new(Options);

    /// <summary>An SNS client.</summary>
    public SnsClient CreateSns() => new(Options);

    /// <summary>A Lambda client.</summary>
    public Lambda.LambdaClient CreateLambda() => new(Options);

    /// <summary>An AWSSDK.S3 client, path-style on any endpoint that is not AWS's; the caller disposes it.</summary>
    public IAmazonS3 CreateS3() => SdkOptions.CreateServiceClient<IAmazonS3>();

    /// <summary>An AWSSDK.SQS client; the caller disposes it.</summary>
    public IAmazonSQS CreateSqs() => SdkOptions.CreateServiceClient<IAmazonSQS>();

    /// <summary>A JSON-protocol client for a service without a typed facade.</summary>
    public AwsJsonClient CreateJsonClient(AwsServiceDescriptor service) => new(service, Options);

    /// <summary>A Query-protocol client for <paramref name="service"/>.</summary>
    public AwsQueryClient CreateQueryClient(AwsServiceDescriptor service) => new(service, Options);
}
