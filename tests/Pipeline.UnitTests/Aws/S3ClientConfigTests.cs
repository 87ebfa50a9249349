using Pipeline.Aws;
using Pipeline.Aws.S3;
using Xunit;

namespace Pipeline.UnitTests.Aws;

/// <summary>The AWSSDK.S3 client follows the same endpoint resolution, path-style on custom endpoints.</summary>
public sealed class S3ClientConfigTests
{
    private static AwsClientOptions Options(Uri? endpoint, params (string Name, string Value)[] variables) => new()
    {
        Region = "us-east-1",
        Endpoint = endpoint,
        GetEnvironmentVariable = name => variables.FirstOrDefault(v => v.Name == name).Value,
    };

    [Fact]
    public void A_custom_endpoint_uses_path_style_and_signs_for_the_region()
    {
        var config = S3ClientConfigFactory.Create(Options(new Uri("http://127.0.0.1:4566")));

        Assert.Equal("http://127.0.0.1:4566/", config.ServiceURL);
        Assert.True(config.ForcePathStyle);
        Assert.Equal("us-east-1", config.AuthenticationRegion);
        Assert.Equal(2, config.MaxErrorRetry);
    }

    [Fact]
    public void AWS_ENDPOINT_URL_S3_wins_over_AWS_ENDPOINT_URL()
    {
        var config = S3ClientConfigFactory.Create(Options(null, ("AWS_ENDPOINT_URL_S3", "http://s3.local:9000"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")));

        Assert.Equal("http://s3.local:9000/", config.ServiceURL);
    }

    [Fact]
    public void Without_an_endpoint_the_region_decides()
    {
        var config = S3ClientConfigFactory.Create(Options(null) with { Region = "eu-west-1" });

        Assert.Null(config.ServiceURL);
        Assert.Equal("eu-west-1", config.RegionEndpoint.SystemName);
        Assert.False(config.ForcePathStyle);
    }
}
