using Pipeline.Aws;
using Pipeline.Aws.Athena;
using Pipeline.Aws.Firehose;

namespace Pipeline.Generator.Aws;

/// <summary>
/// The real client: <c>Pipeline.Aws</c>'s Firehose client, with credentials, region and endpoint resolved the way the
/// AWS SDKs do (environment variables, shared config, SSO, instance metadata) and the command line's overrides on top.
/// This is the only place the generator touches the concrete client.
/// </summary>
public sealed class FirehoseClientFactory : IFirehoseClientFactory
{
    public IFirehoseClient Create(FirehoseConnection connection)
    {
        // FromEnvironment also honours AWS_MAX_ATTEMPTS for the client's own retries of throttled calls.
        var environment = AwsClientFactory.FromEnvironment(connection.EndpointUrl).Options;
        var options = connection.Region is { Length: > 0 } region ? environment with { Region = region } : environment;
        return new AwsClientFactory(options).CreateFirehose();
    }

    /// <summary>The Athena client the freshness probe polls the stage table with, resolved the same way.</summary>
    public static IAthenaClient CreateAthena(FirehoseConnection connection)
    {
        var environment = AwsClientFactory.FromEnvironment(connection.EndpointUrl).Options;
        var options = connection.Region is { Length: > 0 } region ? environment with { Region = region } : environment;
        return new AwsClientFactory(options).CreateAthena();
    }
}
