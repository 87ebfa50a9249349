using Amazon.Runtime;
using Pipeline.AwsShapes.Firehose;
using Pipeline.Aws;
using Pipeline.Aws.Firehose;

namespace Pipeline.UnitTests.Generator.Fakes;

/// <summary>The real Firehose client pointed at a stub endpoint, with fixed credentials and region.</summary>
internal static class StubClients
{
    public static FirehoseClient Firehose(Uri endpoint) => new(new AwsClientOptions
    {
        Region = "us-east-1",
        Endpoint = endpoint,
        Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
        GetEnvironmentVariable = _ => null,
    });
}
