using Amazon.S3.Model;
using Aspire.Hosting;
using Pipeline.AppHostTests.Infrastructure;

namespace Pipeline.AppHostTests.Resources;

/// <summary>The resources' commands act on LocalCloud through the AWS APIs, and say what they did.</summary>
[Collection(RunningPipelineCollection.Name)]
public sealed class CommandsDoWhatTheySayTests(RunningPipeline pipeline)
{
    [Fact]
    public async Task Upload_sample_file_puts_records_under_the_raw_prefix_with_an_awkward_key()
    {
        var result = await Execute("data-lake", "upload-sample", ("dataset", "vehicle_telemetry"));

        Assert.True(result.Success, result.Message);
        using var s3 = pipeline.Host.Aws.CreateS3();
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "pipeline-local-data-lake", Prefix = "raw/vehicle_telemetry/" });
        var sample = Assert.Single(listed.S3Objects ?? [], o => o.Key.Contains("sample upload ä+ü=1", StringComparison.Ordinal));
        Assert.Contains(sample.Key, result.Message, StringComparison.Ordinal);
        Assert.True(sample.Size > 0);
    }

    [Fact]
    public async Task Run_query_logs_the_rows_and_the_bytes_scanned()
    {
        var result = await Execute("athena", "run-query", ("sql", "SELECT 41 + 1 AS answer"));

        Assert.True(result.Success, result.Message);
        Assert.Contains("1 rows, DataScannedInBytes=", result.Message, StringComparison.Ordinal);
        await ResourceLogs.WaitUntilAsync(pipeline.Host.Logs, "athena", text => text.Contains("| 42 |", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Run_query_reports_athenas_error_for_bad_sql()
    {
        var result = await Execute("athena", "run-query", ("sql", "SELECT * FROM pipeline.no_such_table"));

        Assert.False(result.Success);
        Assert.Contains("no_such_table", result.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pause_and_resume_steer_the_generator()
    {
        var paused = await Execute("generator-vehicle-telemetry", "pause");
        var resumed = await Execute("generator-vehicle-telemetry", "resume");
        var pausedAgain = await Execute("generator-vehicle-telemetry", "pause");

        Assert.Equal((true, "paused"), (paused.Success, paused.Message));
        Assert.Equal((true, "running"), (resumed.Success, resumed.Message));
        Assert.Equal((true, "paused"), (pausedAgain.Success, pausedAgain.Message));
    }

    [Fact]
    public async Task Start_crawl_and_start_job_run_start_them_or_say_why_not()
    {
        var crawl = await Execute("crawler-vehicle-telemetry", "start-crawler");
        var run = await Execute("etl-vehicle-telemetry", "start-job-run");

        Assert.True(crawl.Success || crawl.Message?.Contains("CrawlerRunningException", StringComparison.Ordinal) == true, crawl.Message);
        Assert.True(run.Success || run.Message?.Contains("ConcurrentRunsExceededException", StringComparison.Ordinal) == true, run.Message);
        if (run.Success)
        {
            Assert.Matches("^pipeline-local-vehicle_telemetry-etl run [0-9a-z_]+ started", run.Message);
        }
    }

    private Task<ExecuteCommandResult> Execute(string resource, string command, params (string Name, string Value)[] arguments) =>
        arguments.Length == 0
            ? pipeline.Host.Commands.ExecuteCommandAsync(resource, command)
            : pipeline.Host.Commands.ExecuteCommandAsync(
                resource,
                command,
                new InteractionInputCollection([.. arguments.Select(a => new InteractionInput { Name = a.Name, InputType = InputType.Text, Value = a.Value })]));
}
