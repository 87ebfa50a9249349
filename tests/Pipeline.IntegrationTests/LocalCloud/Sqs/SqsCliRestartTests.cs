using Pipeline.IntegrationTests.LocalCloud.Cli;
namespace Pipeline.IntegrationTests.LocalCloud.Sqs;

/// <summary>A queue and its unreceived message survive a LocalCloud restart over the same data directory.</summary>
public sealed class SqsCliRestartTests : IClassFixture<LocalCloudFixture>
{
    private readonly LocalCloudFixture _cloud;

    public SqsCliRestartTests(LocalCloudFixture cloud) => _cloud = cloud;

    [AwsCliFact]
    public async Task A_sent_message_is_received_after_a_restart()
    {
        var created = await _cloud.Cli.RunAsync("sqs", "create-queue", "--queue-name", "durable");
        Assert.True(created.ExitCode == 0, created.Stderr);
        var sent = await _cloud.Cli.RunAsync("sqs", "send-message", "--queue-url", created.Json.GetProperty("QueueUrl").GetString()!, "--message-body", "kept");
        Assert.True(sent.ExitCode == 0, sent.Stderr);

        await _cloud.RestartAsync();
        var url = (await _cloud.Cli.RunAsync("sqs", "get-queue-url", "--queue-name", "durable")).Json.GetProperty("QueueUrl").GetString()!;
        var received = await _cloud.Cli.RunAsync("sqs", "receive-message", "--queue-url", url);

        Assert.True(received.ExitCode == 0, received.Stderr);
        Assert.Equal("kept", received.Json.GetProperty("Messages")[0].GetProperty("Body").GetString());
    }
}
