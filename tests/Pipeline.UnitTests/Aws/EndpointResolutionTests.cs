using System.Net;
using Pipeline.Aws;
using Pipeline.Aws.Core;
using Pipeline.UnitTests.Aws.Fakes;
using Xunit;

namespace Pipeline.UnitTests.Aws;

/// <summary>
/// Endpoint precedence is the AWS SDKs': explicit option, AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, then the
/// public endpoint; the signing scope stays the service's wherever the request goes.
/// </summary>
public sealed class EndpointResolutionTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Explicit_endpoint_wins_over_both_variables()
    {
        var env = Env(("AWS_ENDPOINT_URL_FIREHOSE", "http://service:1"), ("AWS_ENDPOINT_URL", "http://global:2"));

        Assert.Equal(new Uri("http://explicit:3/"), AwsEndpointResolver.Resolve(AwsServices.Firehose, new Uri("http://explicit:3"), "us-east-1", env));
    }

    [Fact]
    public void Service_variable_wins_over_the_global_one()
    {
        var env = Env(("AWS_ENDPOINT_URL_FIREHOSE", "http://service:1"), ("AWS_ENDPOINT_URL", "http://global:2"));

        Assert.Equal(new Uri("http://service:1/"), AwsEndpointResolver.Resolve(AwsServices.Firehose, null, "us-east-1", env));
        Assert.Equal(new Uri("http://global:2/"), AwsEndpointResolver.Resolve(AwsServices.Glue, null, "us-east-1", env));
    }

    [Theory]
    [InlineData("Firehose", "AWS_ENDPOINT_URL_FIREHOSE")]
    [InlineData("Glue", "AWS_ENDPOINT_URL_GLUE")]
    [InlineData("Athena", "AWS_ENDPOINT_URL_ATHENA")]
    [InlineData("SNS", "AWS_ENDPOINT_URL_SNS")]
    [InlineData("EventBridge", "AWS_ENDPOINT_URL_EVENTBRIDGE")]
    public void Each_service_reads_its_standard_variable(string serviceId, string variable)
    {
        var service = new[] { AwsServices.Firehose, AwsServices.Glue, AwsServices.Athena, AwsServices.Sns, AwsServices.EventBridge }
            .Single(s => s.ServiceId == serviceId);

        Assert.Equal(variable, AwsEndpointResolver.ServiceVariable(service));
        Assert.Equal(new Uri("http://127.0.0.1:9/"), AwsEndpointResolver.Resolve(service, null, "us-east-1", Env((variable, "http://127.0.0.1:9"))));
    }

    [Theory]
    [InlineData("us-east-1", "https://firehose.us-east-1.amazonaws.com/")]
    [InlineData("eu-central-1", "https://firehose.eu-central-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://firehose.cn-north-1.amazonaws.com.cn/")]
    public void Falls_back_to_the_public_endpoint(string region, string expected)
    {
        Assert.Equal(new Uri(expected), AwsEndpointResolver.Resolve(AwsServices.Firehose, null, region, Env()));
    }

    [Fact]
    public void Eventbridge_uses_the_events_endpoint_prefix()
    {
        Assert.Equal(new Uri("https://events.us-west-2.amazonaws.com/"), AwsEndpointResolver.Resolve(AwsServices.EventBridge, null, "us-west-2", Env()));
    }

    [Fact]
    public void Ignore_variable_turns_the_variables_off_but_not_the_explicit_option()
    {
        var env = Env(("AWS_ENDPOINT_URL", "http://global:2"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));

        Assert.Equal(new Uri("https://glue.us-east-1.amazonaws.com/"), AwsEndpointResolver.Resolve(AwsServices.Glue, null, "us-east-1", env));
        Assert.Equal(new Uri("http://explicit:3/"), AwsEndpointResolver.Resolve(AwsServices.Glue, new Uri("http://explicit:3"), "us-east-1", env));
    }

    [Fact]
    public void A_malformed_variable_is_an_error_not_a_silent_fallback()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AwsEndpointResolver.Resolve(AwsServices.Firehose, null, "us-east-1", Env(("AWS_ENDPOINT_URL_FIREHOSE", "localhost:4566"))));

        Assert.Contains("AWS_ENDPOINT_URL_FIREHOSE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_sends_to_the_service_variable_and_signs_for_the_service()
    {
        var aws = new AwsTestClients();
        aws.Handler.ThenJson(HttpStatusCode.OK, """{"RecordId":"r"}""");
        var options = aws.Options(env =>
        {
            env["AWS_ENDPOINT_URL_FIREHOSE"] = "http://localhost:4599";
            env["AWS_ENDPOINT_URL"] = "http://localhost:4566";
        }) with { Region = "eu-west-1" };

        await aws.Firehose(options).PutRecordAsync("s", new byte[] { 1 });

        Assert.Equal(new Uri("http://localhost:4599/"), aws.Handler.Single.Uri);
        Assert.Contains("/eu-west-1/firehose/aws4_request", aws.Handler.Single.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public void Region_comes_from_the_option_then_AWS_REGION_then_AWS_DEFAULT_REGION()
    {
        var env = Env(("AWS_REGION", "eu-west-1"), ("AWS_DEFAULT_REGION", "ap-south-1"));

        Assert.Equal("us-west-2", AwsRegionResolver.Resolve("us-west-2", env));
        Assert.Equal("eu-west-1", AwsRegionResolver.Resolve(null, env));
        Assert.Equal("ap-south-1", AwsRegionResolver.Resolve(null, Env(("AWS_DEFAULT_REGION", "ap-south-1"))));
    }

    [Fact]
    public void FromEnvironment_puts_the_override_in_front()
    {
        var factory = AwsClientFactory.FromEnvironment(new Uri("http://127.0.0.1:4566"));

        Assert.Equal(new Uri("http://127.0.0.1:4566"), factory.Options.Endpoint);
        Assert.Null(factory.Options.Credentials);
    }
}
