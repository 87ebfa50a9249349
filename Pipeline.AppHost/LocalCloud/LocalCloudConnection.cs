using Amazon.Runtime;
using Pipeline.Aws;

namespace Pipeline.AppHost.LocalCloud;

/// <summary>Where LocalCloud answers, for the app host's own AWS calls (resource states and commands).</summary>
public sealed record LocalCloudConnection(Uri Endpoint, string Region, string DataDirectory)
{
    /// <summary>LocalCloud checks no signatures; these only have to look like credentials.</summary>
    public const string AccessKeyId = "test";

    public const string SecretAccessKey = "test";

    public string Url => Endpoint.ToString().TrimEnd('/');

    public AwsClientFactory Clients() => new(new AwsClientOptions
    {
        Endpoint = Endpoint,
        Region = Region,
        Credentials = new BasicAWSCredentials(AccessKeyId, SecretAccessKey),
    });
}
