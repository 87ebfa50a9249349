using System.Text.Json;
using Pipeline.IntegrationTests.LocalCloud.Cli;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;
using AwsCliFactAttribute = Pipeline.IntegrationTests.LocalCloud.LambdaService.Support.AwsCliFactAttribute;

namespace Pipeline.IntegrationTests.LocalCloud.Restart;

/// <summary>
/// LocalCloud killed with SIGKILL while it holds work it accepted and could not yet deliver (the target function is
/// throttled to zero): an EventBridge rule's event, an SNS subscription's message, a Lambda Event invocation. Started
/// again over the same data directory, it still has the rule and the subscription, and once the function can run
/// again the pending work reaches it exactly once.
/// </summary>
public sealed class UndeliveredWorkSurvivesKillTests : IAsyncLifetime
{
    // Short retry waits, so the work is tried again soon after the function is lifted.
    private static readonly string[] Settings = ["LocalCloud:Lambda:AsyncRetryDelay=00:00:00.200", "LocalCloud:Lambda:AsyncThrottleMaxDelay=00:00:01"];

    private string _root = null!;
    private string _data = null!;
    private string _sink = null!;

    public Task InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("localcloud-kill-it-").FullName;
        _data = Path.Combine(_root, "data");
        _sink = Path.Combine(_root, "delivered.txt");
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [AwsCliFact]
    public async Task An_event_for_a_rules_target_is_delivered_once_after_a_kill()
    {
        var first = await LocalCloudProcess.StartAsync(_data, Settings);
        await using (first)
        {
            using var lambda = new LambdaHttp(first.Endpoint);
            await lambda.CreateThrottledAsync("sink");
            var cli = Cli(first);
            Ok(await cli.RunAsync("events", "put-rule", "--name", "kept", "--event-pattern", """{"source":["app"]}"""));
            var target = new Dictionary<string, string> { ["Id"] = "sink", ["Arn"] = LambdaHttp.Arn("sink"), ["Input"] = AppendEvent() };
            Ok(await cli.RunAsync("events", "put-targets", "--rule", "kept", "--targets", cli.File("targets.json", $"[{JsonSerializer.Serialize(target, TestJson.Default.DictionaryStringString)}]")));
            Ok(await cli.RunAsync("events", "put-events", "--entries", cli.File("entries.json", """[{"Source":"app","DetailType":"Thing","Detail":"{}"}]""")));
            await first.KillAsync();
        }

        await using var second = await LocalCloudProcess.StartAsync(_data, Settings);
        var again = Cli(second);
        var rules = Ok(await again.RunAsync("events", "list-rules"));
        var targets = Ok(await again.RunAsync("events", "list-targets-by-rule", "--rule", "kept"));
        using var lifted = new LambdaHttp(second.Endpoint);
        await lifted.LiftAsync("sink");

        Assert.Equal("kept", Assert.Single(rules.GetProperty("Rules").EnumerateArray()).GetProperty("Name").GetString());
        Assert.Equal(LambdaHttp.Arn("sink"), Assert.Single(targets.GetProperty("Targets").EnumerateArray()).GetProperty("Arn").GetString());
        await AssertDeliveredOnceAsync(Path.Combine(_data, "events", "deliveries.queue"), second);
    }

    [AwsCliFact]
    public async Task A_message_for_a_subscription_is_delivered_once_after_a_kill()
    {
        string topic;
        var first = await LocalCloudProcess.StartAsync(_data, Settings);
        await using (first)
        {
            using var lambda = new LambdaHttp(first.Endpoint);
            await lambda.CreateThrottledAsync("sink");
            var cli = Cli(first);
            topic = Ok(await cli.RunAsync("sns", "create-topic", "--name", "kept")).GetProperty("TopicArn").GetString()!;
            Ok(await cli.RunAsync("sns", "subscribe", "--topic-arn", topic, "--protocol", "lambda", "--notification-endpoint", LambdaHttp.Arn("sink")));
            Ok(await cli.RunAsync("sns", "publish", "--topic-arn", topic, "--message", AppendEvent()));
            await first.KillAsync();
        }

        await using var second = await LocalCloudProcess.StartAsync(_data, Settings);
        var subscriptions = Ok(await Cli(second).RunAsync("sns", "list-subscriptions-by-topic", "--topic-arn", topic));
        using var lifted = new LambdaHttp(second.Endpoint);
        await lifted.LiftAsync("sink");

        Assert.Equal(LambdaHttp.Arn("sink"), Assert.Single(subscriptions.GetProperty("Subscriptions").EnumerateArray()).GetProperty("Endpoint").GetString());
        await AssertDeliveredOnceAsync(Path.Combine(_data, "sns", "deliveries.queue"), second);
    }

    [PythonFact]
    public async Task An_event_invocation_runs_once_after_a_kill()
    {
        var first = await LocalCloudProcess.StartAsync(_data, Settings);
        await using (first)
        {
            using var lambda = new LambdaHttp(first.Endpoint);
            await lambda.CreateThrottledAsync("sink");
            await lambda.InvokeEventAsync("sink", AppendEvent());
            await first.KillAsync();
        }

        await using var second = await LocalCloudProcess.StartAsync(_data, Settings);
        using var lifted = new LambdaHttp(second.Endpoint);
        await lifted.LiftAsync("sink");

        await AssertDeliveredOnceAsync(Path.Combine(_data, "lambda", "events.queue"), second);
    }

    private string AppendEvent() =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["action"] = "append", ["file"] = _sink, ["line"] = "delivered" }, TestJson.Default.DictionaryStringString);

    private AwsCli Cli(LocalCloudProcess cloud) => new(cloud.Endpoint.ToString().TrimEnd('/'), _root);

    private static JsonElement Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout.Length == 0 ? default : result.Json;
    }

    // Delivered means the function appended its line and the work left the queue folder; a second line would be a
    // second delivery, so the check waits a little past the first before counting.
    private async Task AssertDeliveredOnceAsync(string queueFolder, LocalCloudProcess cloud)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(File.Exists(_sink) && Directory.GetFiles(queueFolder, "*.json").Length == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.True(File.Exists(_sink), $"Nothing was delivered. LocalCloud's log:\n{cloud.Log}");
        Assert.Equal(["delivered"], File.ReadAllLines(_sink));
        Assert.Empty(Directory.GetFiles(queueFolder, "*.json"));
    }
}
