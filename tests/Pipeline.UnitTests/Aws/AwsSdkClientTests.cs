using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Aws;
using Xunit;

namespace Pipeline.UnitTests.Aws;

/// <summary>
/// S3 and SQS are AWSSDK clients made from the factory's AWSOptions: what the options pin is applied, S3 is path-style
/// on a custom endpoint, and a service container given the same AWSOptions makes the same clients.
/// </summary>
public sealed class AwsSdkClientTests
{
    private static AwsClientFactory Factory(Uri? endpoint, string? region = "us-east-1") => new(new AwsClientOptions
    {
        Region = region,
        Endpoint = endpoint,
        Credentials = new BasicAWSCredentials("test", "test"),
        MaxAttempts = 4,
        GetEnvironmentVariable = _ => null,
    });

    [Fact]
    public void A_custom_endpoint_makes_s3_path_style_and_signs_for_the_region()
    {
        using var s3 = Factory(new Uri("http://127.0.0.1:4566"), "eu-west-1").CreateS3();
        var config = Assert.IsType<AmazonS3Config>(s3.Config);

        Assert.Equal("http://127.0.0.1:4566/", config.ServiceURL);
        Assert.True(config.ForcePathStyle);
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
        Assert.Equal(3, config.MaxErrorRetry);
    }

    [Fact]
    public void Sqs_goes_to_the_same_endpoint_and_signing_region()
    {
        using var sqs = Factory(new Uri("http://127.0.0.1:4566"), "eu-west-1").CreateSqs();

        Assert.IsType<AmazonSQSClient>(sqs);
        Assert.Equal("http://127.0.0.1:4566/", sqs.Config.ServiceURL);
        Assert.Equal("eu-west-1", sqs.Config.AuthenticationRegion);
        Assert.Equal(3, sqs.Config.MaxErrorRetry);
    }

    [Fact]
    public void The_signing_region_of_an_explicit_endpoint_falls_back_to_AWS_REGION()
    {
        var options = new AwsClientOptions
        {
            Endpoint = new Uri("http://127.0.0.1:4566"),
            GetEnvironmentVariable = name => name == "AWS_REGION" ? "ap-south-1" : null,
        };

        Assert.Equal("ap-south-1", new AwsClientFactory(options).SdkOptions.DefaultClientConfig.AuthenticationRegion);
    }

    [Fact]
    public void Without_an_endpoint_the_region_is_the_options_and_nothing_else_is_pinned()
    {
        var sdk = Factory(null, "eu-central-1").SdkOptions;

        Assert.Equal("eu-central-1", sdk.Region.SystemName);
        Assert.Null(sdk.DefaultClientConfig.ServiceURL);
        Assert.Null(sdk.DefaultClientConfig.AuthenticationRegion);
    }

    [Fact]
    public void A_service_container_given_the_same_AWSOptions_makes_the_same_clients()
    {
        var factory = Factory(new Uri("http://127.0.0.1:4566"), "eu-west-1");
        using var provider = new ServiceCollection()
            .AddDefaultAWSOptions(factory.SdkOptions)
            .AddAWSService<IAmazonS3>()
            .AddAWSService<IAmazonSQS>()
            .BuildServiceProvider();

        var s3 = Assert.IsType<AmazonS3Config>(provider.GetRequiredService<IAmazonS3>().Config);
        var sqs = provider.GetRequiredService<IAmazonSQS>().Config;

        Assert.Equal(("http://127.0.0.1:4566/", true, "eu-west-1"), (s3.ServiceURL, s3.ForcePathStyle, s3.AuthenticationRegion));
        Assert.Equal(("http://127.0.0.1:4566/", "eu-west-1"), (sqs.ServiceURL, sqs.AuthenticationRegion));
    }
}
