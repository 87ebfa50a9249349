using Pipeline.UnitTests.Generator.Fakes;

namespace Pipeline.UnitTests.Generator;

/// <summary>Bad options get a clear message and a non-zero exit code before anything is generated or sent.</summary>
public sealed class BadOptionsTests
{
    [Theory]
    [InlineData("--rate must be a number of records per second above 0", "--dataset", "vehicle_telemetry", "--rate", "-5")]
    [InlineData("--rate must be a number of records per second above 0", "--dataset", "vehicle_telemetry", "--rate", "0")]
    [InlineData("'abc'", "--dataset", "vehicle_telemetry", "--rate", "abc")]
    [InlineData("--count and --duration cannot be used together", "--dataset", "vehicle_telemetry", "--count", "10", "--duration", "5s")]
    [InlineData("Unknown dataset 'orders'. Known datasets: clickstream, vehicle_telemetry.", "--dataset", "orders")]
    [InlineData("--dataset", "--rate", "10")]
    [InlineData("--duration must be a positive duration such as 500ms, 60s, 5m or 1h; got 'soon'", "--dataset", "clickstream", "--duration", "soon")]
    [InlineData("--count must be at least 1", "--dataset", "clickstream", "--count", "0")]
    [InlineData("--batch-size must be between 1 and 500; got 501", "--dataset", "clickstream", "--batch-size", "501")]
    [InlineData("--max-in-flight must be between 1 and 1024; got 0", "--dataset", "clickstream", "--max-in-flight", "0")]
    [InlineData("--invalid-ratio must be between 0 and 1; got 1.5", "--dataset", "clickstream", "--invalid-ratio", "1.5")]
    [InlineData("--start-time must be an ISO-8601 instant", "--dataset", "clickstream", "--start-time", "yesterday")]
    [InlineData("--endpoint-url must be an absolute http(s) URL", "--dataset", "clickstream", "--endpoint-url", "ftp://example.com")]
    [InlineData("--out only applies with --dry-run", "--dataset", "clickstream", "--out", "records.ndjson")]
    public async Task A_bad_option_fails_with_a_clear_message(string message, params string[] args)
    {
        var client = new FakeFirehoseClient();

        var run = await CommandRun.RunAsync(args, client);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Empty(client.Calls);
    }
}
