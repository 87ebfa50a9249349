using System.Text.Json;
using Pipeline.AwsShapes.Firehose;
using Pipeline.Generator.Cli;
using Pipeline.Generator.Reporting;
using Pipeline.Generator.Sending;
using Pipeline.UnitTests.Generator.Fakes;

namespace Pipeline.UnitTests.Generator;

/// <summary>
/// With a rate far above what the endpoint takes, the report says so: achieved rate against the target, records
/// skipped and delayed, and that the endpoint (full call slots, throttling) was the limit rather than the generator.
/// </summary>
public sealed class BackPressureIsReportedTests : IDisposable
{
    private readonly string _report = Path.Combine(Path.GetTempPath(), $"generator-backpressure-{Guid.NewGuid():N}.json");

    [Fact]
    public void Call_slots_busy_most_of_the_run_make_the_endpoint_the_limit()
    {
        var summary = BackPressureSummary.From(200_000, 47_500, 30, 4_700_000, 1_400_000, TimeSpan.FromSeconds(27), 0, 8, 120);

        Assert.Equal(RateLimit.Endpoint, summary.LimitedBy);
        Assert.Equal(23.8, summary.AchievedPercent);
        Assert.Equal(90, summary.WaitedForEndpointPercent);
        Assert.Contains("the endpoint was the limit", summary.Explanation);
        Assert.Contains("47,500 records/s of 200,000 asked", summary.Explanation);
        Assert.Contains("4,700,000 records skipped, 1,400,000 delayed", summary.Explanation);
    }

    [Fact]
    public void Throttling_answers_make_the_endpoint_the_limit_even_with_slots_to_spare()
    {
        var summary = BackPressureSummary.From(10_000, 6_000, 10, 0, 0, TimeSpan.Zero, 250, 8, 3);

        Assert.Equal(RateLimit.Endpoint, summary.LimitedBy);
        Assert.Contains("250 throttled", summary.Explanation);
    }

    [Fact]
    public void A_shortfall_without_waiting_or_throttling_is_the_generator_s()
    {
        var summary = BackPressureSummary.From(500_000, 120_000, 10, 3_000_000, 0, TimeSpan.FromSeconds(0.5), 0, 8, 2);

        Assert.Equal(RateLimit.Generator, summary.LimitedBy);
        Assert.Contains("the generator was the limit", summary.Explanation);
    }

    [Fact]
    public void A_held_rate_reports_no_limit()
    {
        var summary = BackPressureSummary.From(2_000, 1_990, 60, 0, 10, TimeSpan.FromSeconds(0.2), 0, 8, 4);

        Assert.Equal(RateLimit.None, summary.LimitedBy);
        Assert.StartsWith("target held", summary.Explanation);
    }

    [Fact]
    public async Task Batches_waiting_for_a_free_call_slot_are_counted_as_delayed()
    {
        var client = new SlowFirehoseClient(TimeSpan.FromMilliseconds(20));
        var options = new LoadOptions { DeliveryStream = "test-stream", Count = 1_000, Rate = 1_000_000, BatchSize = 100, MaxInFlight = 1 };
        var runner = new FirehoseLoadRunner(client, new SizedRecordSource(_ => 100), options);

        var outcome = await runner.RunAsync();

        Assert.Equal(RunOutcome.Completed, outcome);
        var snapshot = runner.Statistics.Snapshot();
        Assert.Equal(1_000, snapshot.Sent);

        // One slot and ten batches produced at once: every batch after the first waits for the one before it.
        Assert.True(snapshot.Delayed >= 800, $"{snapshot.Delayed} records delayed");
        Assert.True(snapshot.SlotWait > TimeSpan.Zero);
    }

    [Fact]
    public async Task Throttled_entries_are_reported_in_the_summary_and_the_json_report()
    {
        var client = new FakeFirehoseClient
        {
            Respond = (_, records) => new PutRecordBatchOutput
            {
                FailedPutCount = records.Count,
                Encrypted = false,
                RequestResponses = [.. records.Select(_ => new PutRecordBatchResponseEntry { ErrorCode = "ServiceUnavailableException", ErrorMessage = "Slow down." })],
            },
        };

        var run = await CommandRun.RunAsync(
            ["--dataset", "clickstream", "--count", "50", "--rate", "10000", "--max-attempts", "1", "--report", _report], client);

        Assert.Equal(ExitCodes.SomeRecordsFailed, run.ExitCode);
        Assert.Contains("limit     the endpoint was the limit", run.Error);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(_report));
        var pressure = json.RootElement.GetProperty("back_pressure");
        Assert.Equal("endpoint", pressure.GetProperty("limited_by").GetString());
        Assert.Equal(50, pressure.GetProperty("throttled_records").GetInt64());
        Assert.Equal(10_000, pressure.GetProperty("target_rate").GetDouble());
    }

    [Fact]
    public async Task A_dry_run_has_no_back_pressure_section()
    {
        var run = await CommandRun.RunAsync(["--dataset", "clickstream", "--count", "20", "--dry-run", "--report", _report]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(_report));
        Assert.False(json.RootElement.TryGetProperty("back_pressure", out var pressure) && pressure.ValueKind != JsonValueKind.Null);
    }

    public void Dispose() => File.Delete(_report);
}
