using System.Net;
using System.Text.Json;
using Pipeline.AwsShapes.Firehose;
using Pipeline.Aws;
using Pipeline.Aws.Firehose;
using Pipeline.Generator.Cli;
using Pipeline.UnitTests.Generator.Fakes;

namespace Pipeline.UnitTests.Generator;

/// <summary>--report writes the run's figures as snake_case JSON, and the exit code says how the run went.</summary>
public sealed class ReportTests : IDisposable
{
    private readonly string _report = Path.Combine(Path.GetTempPath(), $"generator-report-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task A_successful_run_reports_its_figures()
    {
        var run = await CommandRun.RunAsync(
            ["--dataset", "vehicle_telemetry", "--count", "1200", "--rate", "20000", "--seed", "4", "--report", _report]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(_report));
        var root = json.RootElement;
        Assert.Equal("vehicle_telemetry", root.GetProperty("dataset").GetString());
        Assert.Equal("pipeline-local-vehicle_telemetry", root.GetProperty("stream").GetString());
        Assert.Equal(4, root.GetProperty("seed").GetInt32());
        Assert.Equal(1200, root.GetProperty("records_generated").GetInt64());
        Assert.Equal(1200, root.GetProperty("records_sent").GetInt64());
        Assert.Equal(0, root.GetProperty("records_failed").GetInt64());
        Assert.Equal(0, root.GetProperty("records_retried").GetInt64());
        Assert.True(root.GetProperty("bytes_sent").GetInt64() > 1200 * 300);
        Assert.True(root.GetProperty("mib_sent").GetDouble() > 0.3);
        Assert.True(root.GetProperty("achieved_rate").GetDouble() > 0);
        Assert.True(root.GetProperty("duration_seconds").GetDouble() > 0);
        Assert.True(root.GetProperty("put_record_batch_calls").GetInt64() >= 3);
        foreach (var percentile in new[] { "p50", "p95", "p99" })
        {
            Assert.True(root.GetProperty("latency_ms").GetProperty(percentile).GetDouble() >= 0);
        }

        Assert.Equal(0, root.GetProperty("malformed").GetProperty("total").GetInt64());
        Assert.Equal("completed", root.GetProperty("outcome").GetString());
        Assert.Equal(0, root.GetProperty("exit_code").GetInt32());
        Assert.Contains("records   sent 1,200", run.Error);
        Assert.Contains("p50", run.Error);
    }

    [Fact]
    public async Task Records_that_finally_fail_make_exit_code_2_and_are_reported_by_reason()
    {
        var client = new FakeFirehoseClient
        {
            Respond = (_, records) => new PutRecordBatchOutput { FailedPutCount = records.Count, Encrypted = false, RequestResponses = [.. records.Select(_ => new PutRecordBatchResponseEntry { RecordId = null, ErrorCode = "ServiceUnavailableException", ErrorMessage = "Slow down." })] },
        };

        var run = await CommandRun.RunAsync(
            ["--dataset", "clickstream", "--count", "50", "--rate", "10000", "--max-attempts", "1", "--report", _report], client);

        Assert.Equal(ExitCodes.SomeRecordsFailed, run.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(_report));
        Assert.Equal(50, json.RootElement.GetProperty("records_failed").GetInt64());
        Assert.Equal(50, json.RootElement.GetProperty("failures").GetProperty("ServiceUnavailableException").GetInt64());
        Assert.Equal("completed_with_failures", json.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_fatal_error_makes_exit_code_3_with_the_service_s_message()
    {
        var client = new FakeFirehoseClient
        {
            Respond = (_, _) => throw new AwsServiceException("Firehose", "PutRecordBatch", "ResourceNotFoundException", "Firehose pipeline-local-clickstream under account 000000000000 not found.", HttpStatusCode.BadRequest),
        };

        var run = await CommandRun.RunAsync(["--dataset", "clickstream", "--count", "50", "--rate", "10000", "--report", _report], client);

        Assert.Equal(ExitCodes.Aborted, run.ExitCode);
        Assert.Contains("not found", run.Error);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(_report));
        Assert.Equal("aborted", json.RootElement.GetProperty("outcome").GetString());
        Assert.Contains("not found", json.RootElement.GetProperty("error").GetString());
    }

    public void Dispose() => File.Delete(_report);
}
