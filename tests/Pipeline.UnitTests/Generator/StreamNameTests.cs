using Pipeline.UnitTests.Generator.Fakes;

namespace Pipeline.UnitTests.Generator;

/// <summary>The delivery stream is named by the deployment's convention unless --stream says otherwise.</summary>
public sealed class StreamNameTests
{
    [Fact]
    public async Task The_stream_defaults_to_the_prefix_and_dataset_and_the_connection_takes_the_overrides()
    {
        var client = new FakeFirehoseClient();
        var run = await CommandRun.RunAsync(
            ["--dataset", "clickstream", "--count", "5", "--rate", "1000", "--name-prefix", "demo", "--region", "eu-north-1", "--endpoint-url", "http://127.0.0.1:4566"],
            client);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.All(client.Calls, c => Assert.Equal("demo-clickstream", c.Stream));
        Assert.Equal(5, client.Calls.Sum(c => c.Records.Count));
        Assert.Equal(new Uri("http://127.0.0.1:4566"), run.Connection!.EndpointUrl);
        Assert.Equal("eu-north-1", run.Connection.Region);
    }

    [Fact]
    public async Task An_explicit_stream_wins_and_without_overrides_the_client_resolves_from_the_environment()
    {
        var client = new FakeFirehoseClient();

        var run = await CommandRun.RunAsync(["--dataset", "vehicle_telemetry", "--count", "3", "--rate", "1000", "--stream", "fleet-ingest"], client);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.All(client.Calls, c => Assert.Equal("fleet-ingest", c.Stream));
        Assert.Equal(new Pipeline.Generator.Aws.FirehoseConnection(null, null), run.Connection);
    }
}
