using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Pipeline.AwsShapes.Firehose;
using Pipeline.Aws;
using Pipeline.Aws.Firehose;
using Pipeline.Aws.Sns;

namespace Pipeline.UnitTests.Aws.Fakes;

/// <summary>Clients wired to a fake handler, fixed credentials, a stopped clock and recorded backoff.</summary>
internal sealed class AwsTestClients
{
    public static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    public static readonly Uri LocalEndpoint = new("http://127.0.0.1:4566");

    public FakeAwsHandler Handler { get; } = new();

    public RecordedDelays Delays { get; } = new();

    public AwsClientOptions Options(Action<Dictionary<string, string>>? environment = null, AWSCredentials? credentials = null)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        environment?.Invoke(variables);
        return new AwsClientOptions
        {
            Region = "us-east-1",
            Endpoint = environment is null ? LocalEndpoint : null,
            Credentials = credentials ?? new BasicAWSCredentials("AKID", "SECRET"),
            HttpClient = new HttpClient(Handler),
            TimeProvider = new FakeTimeProvider(Now),
            Jitter = () => 1.0,
            Delay = Delays.Delay,
            GetEnvironmentVariable = name => variables.TryGetValue(name, out var value) ? value : null,
        };
    }

    public FirehoseClient Firehose(AwsClientOptions? options = null) => new(options ?? Options());

    public SnsClient Sns(AwsClientOptions? options = null) => new(options ?? Options());
}
