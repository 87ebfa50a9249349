using Pipeline.IntegrationTests.LocalCloud.Cli;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.DuckDb;
using Pipeline.LocalCloud.Glue.Jobs;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.IntegrationTests.LocalCloud.Glue;

/// <summary>
/// The AWS CLI against LocalCloud's Glue jobs: a pipeline_etl.py job run to SUCCEEDED on raw objects in S3 and the
/// catalog, its runs listed, failures with their messages, ConcurrentRunsExceededException and batch-stop-job-run.
/// </summary>
public sealed class GlueCliJobTests : IClassFixture<LocalCloudFixture>
{
    private const string Bucket = "jobs-lake";
    private const string Hour = "year=2026/month=11/day=22/hour=05";

    private readonly LocalCloudFixture _cloud;

    public GlueCliJobTests(LocalCloudFixture cloud) => _cloud = cloud;

    [AwsCliFact]
    public async Task A_pipeline_etl_job_runs_to_succeeded_and_its_runs_are_listed()
    {
        var cli = _cloud.Cli;
        await SetUpRawAsync("clicks");
        await UploadWithCliAsync("clicks", """
            {"event_id":"c1","event_time":"2026-11-22T05:01:00Z","vendor":"web"}
            {"event_id":"c2","event_time":"2026-11-22T05:02:00Z","vendor":"app"}
            {"event_id":"c1","event_time":"2026-11-22T05:03:00Z","vendor":"web"}
            """);
        await CreateJobAsync("pipeline-local-clicks-etl", "clicks", "s3://scripts/glue/pipeline_etl.py");

        var start = await cli.RunAsync("glue", "start-job-run", "--job-name", "pipeline-local-clicks-etl", "--arguments", JsonSerializer.Serialize(new Dictionary<string, string> { ["--partitions"] = $"[\"{Hour}\"]" }, CliJson.Default.DictionaryStringString));
        Assert.True(start.ExitCode == 0, start.Stderr);
        var id = start.Json.GetProperty("JobRunId").GetString()!;
        var run = await WaitForRunAsync("pipeline-local-clicks-etl", id, "SUCCEEDED", "FAILED");
        var runs = (await cli.RunAsync("glue", "get-job-runs", "--job-name", "pipeline-local-clicks-etl")).Json.GetProperty("JobRuns");
        var job = (await cli.RunAsync("glue", "get-job", "--job-name", "pipeline-local-clicks-etl")).Json.GetProperty("Job");
        var summary = await cli.RunAsync("s3", "cp", $"s3://{Bucket}/job-runs/pipeline-local-clicks-etl/{id}.json", "-");
        var stage = await cli.RunAsync("s3api", "list-objects-v2", "--bucket", Bucket, "--prefix", "stage/clicks/");

        Assert.True(run.GetProperty("JobRunState").GetString() == "SUCCEEDED", run.GetRawText());
        Assert.Matches("^jr_[0-9a-f]{64}$", id);
        Assert.Equal(id, runs[0].GetProperty("Id").GetString());
        Assert.Equal($"[\"{Hour}\"]", run.GetProperty("Arguments").GetProperty("--partitions").GetString());
        Assert.Equal(1, job.GetProperty("ExecutionProperty").GetProperty("MaxConcurrentRuns").GetInt32());
        Assert.Equal(2880, job.GetProperty("Timeout").GetInt32());
        var written = JsonDocument.Parse(summary.Stdout).RootElement;
        Assert.Equal(3, written.GetProperty("rows_read").GetInt32());
        Assert.Equal(2, written.GetProperty("rows_written").GetInt32());
        Assert.Equal(["vendor=app/event_date=2026-11-22", "vendor=web/event_date=2026-11-22"], written.GetProperty("partitions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(
            [$"stage/clicks/vendor=app/event_date=2026-11-22/{id}-0.parquet", $"stage/clicks/vendor=web/event_date=2026-11-22/{id}-0.parquet"],
            stage.Json.GetProperty("Contents").EnumerateArray().Select(o => o.GetProperty("Key").GetString()));
        Assert.Contains("job_finished", File.ReadAllText(JobRunLog.PathFor(_cloud.DataDirectory, "pipeline-local-clicks-etl", id)), StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task A_missing_raw_table_fails_the_run_with_a_clear_message()
    {
        await SetUpRawAsync("orders");
        await CreateJobAsync("pipeline-local-orders-etl", "orders", "s3://scripts/glue/pipeline_etl.py");

        var start = await _cloud.Cli.RunAsync("glue", "start-job-run", "--job-name", "pipeline-local-orders-etl", "--arguments", """{"--raw_table":"no_such_table"}""");
        var run = await WaitForRunAsync("pipeline-local-orders-etl", start.Json.GetProperty("JobRunId").GetString()!, "SUCCEEDED", "FAILED");

        Assert.Equal("FAILED", run.GetProperty("JobRunState").GetString());
        Assert.Contains("no_such_table", run.GetProperty("ErrorMessage").GetString(), StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task Another_script_fails_the_run_as_unsupported()
    {
        await CreateJobAsync("pipeline-local-other", "other", "s3://scripts/glue/compaction.py");

        var start = await _cloud.Cli.RunAsync("glue", "start-job-run", "--job-name", "pipeline-local-other");
        var run = await WaitForRunAsync("pipeline-local-other", start.Json.GetProperty("JobRunId").GetString()!, "SUCCEEDED", "FAILED");

        Assert.Equal("FAILED", run.GetProperty("JobRunState").GetString());
        Assert.Equal("Unsupported script 's3://scripts/glue/compaction.py': LocalCloud runs only pipeline_etl.py", run.GetProperty("ErrorMessage").GetString());
    }

    [AwsCliFact]
    public async Task A_second_run_is_refused_while_one_runs_and_the_running_one_can_be_stopped()
    {
        var cli = _cloud.Cli;
        await SetUpRawAsync("telemetry");
        await UploadLargeAsync("telemetry", rows: 6_000_000);
        await CreateJobAsync("pipeline-local-telemetry-etl", "telemetry", "s3://scripts/glue/pipeline_etl.py");

        var first = await cli.RunAsync("glue", "start-job-run", "--job-name", "pipeline-local-telemetry-etl");
        var second = await cli.RunAsync("glue", "start-job-run", "--job-name", "pipeline-local-telemetry-etl");
        var id = first.Json.GetProperty("JobRunId").GetString()!;
        var stop = await cli.RunAsync("glue", "batch-stop-job-run", "--job-name", "pipeline-local-telemetry-etl", "--job-run-ids", id, "jr_0000000000000000000000000000000000000000000000000000000000000000");
        var run = await WaitForRunAsync("pipeline-local-telemetry-etl", id, "STOPPED", "SUCCEEDED", "FAILED");
        var stage = await cli.RunAsync("s3api", "list-objects-v2", "--bucket", Bucket, "--prefix", "stage/telemetry/");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal("ConcurrentRunsExceededException", second.ErrorCode);
        Assert.Equal(id, stop.Json.GetProperty("SuccessfulSubmissions")[0].GetProperty("JobRunId").GetString());
        Assert.Equal("EntityNotFoundException", stop.Json.GetProperty("Errors")[0].GetProperty("ErrorDetail").GetProperty("ErrorCode").GetString());
        Assert.Equal("STOPPED", run.GetProperty("JobRunState").GetString());
        Assert.False(stage.Json.TryGetProperty("Contents", out _), "a stopped run publishes nothing");
    }

    private async Task SetUpRawAsync(string dataset)
    {
        var cli = _cloud.Cli;
        await cli.RunAsync("s3", "mb", $"s3://{Bucket}");
        await cli.RunAsync("glue", "create-database", "--database-input", """{"Name":"pipeline"}""");
        var table = new StringBuilder()
            .Append("{\"Name\":\"raw_").Append(dataset).Append("\",\"TableType\":\"EXTERNAL_TABLE\",")
            .Append("\"PartitionKeys\":[{\"Name\":\"year\",\"Type\":\"string\"},{\"Name\":\"month\",\"Type\":\"string\"},{\"Name\":\"day\",\"Type\":\"string\"},{\"Name\":\"hour\",\"Type\":\"string\"}],")
            .Append("\"StorageDescriptor\":{\"Columns\":[{\"Name\":\"event_id\",\"Type\":\"string\"},{\"Name\":\"event_time\",\"Type\":\"string\"},{\"Name\":\"vendor\",\"Type\":\"string\"}],")
            .Append("\"Location\":\"s3://").Append(Bucket).Append("/raw/").Append(dataset).Append("/\"}}")
            .ToString();
        var created = await cli.RunAsync("glue", "create-table", "--database-name", "pipeline", "--table-input", table);
        Assert.True(created.ExitCode == 0, created.Stderr);
        var partition = $$$"""[{"Values":["2026","11","22","05"],"StorageDescriptor":{"Location":"s3://{{{Bucket}}}/raw/{{{dataset}}}/{{{Hour}}}/"}}]""";
        var added = await cli.RunAsync("glue", "batch-create-partition", "--database-name", "pipeline", "--table-name", "raw_" + dataset, "--partition-input-list", partition);
        Assert.True(added.ExitCode == 0, added.Stderr);
    }

    private async Task UploadWithCliAsync(string dataset, string ndjson)
    {
        var file = Path.Combine(_cloud.WorkDirectory, dataset + ".gz");
        await using (var gzip = new GZipStream(File.Create(file), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(ndjson));
        }

        var copied = await _cloud.Cli.RunAsync("s3", "cp", file, $"s3://{Bucket}/raw/{dataset}/{Hour}/firehose-1.gz");
        Assert.True(copied.ExitCode == 0, copied.Stderr);
    }

    // Enough rows that the run is still reading them while the CLI starts a second run and stops the first.
    private async Task UploadLargeAsync(string dataset, int rows)
    {
        var file = Path.Combine(_cloud.WorkDirectory, dataset + "-large.json.gz");
        using (var connection = DuckDbConnections.OpenInMemory())
        {
            connection.Execute(
                $"COPY (SELECT 'e' || i AS event_id, '2026-11-22T05:00:00Z' AS event_time, 'v' || (i % 3) AS vendor FROM range({rows}) t(i)) TO {DuckDbSql.Literal(file)} (FORMAT JSON, COMPRESSION GZIP)");
        }

        var store = _cloud.App.Services.GetRequiredService<IObjectStore>();
        await using var content = File.OpenRead(file);
        await store.PutObjectAsync(Bucket, $"raw/{dataset}/{Hour}/firehose-large.gz", content, new ObjectWriteOptions());
    }

    private async Task CreateJobAsync(string name, string dataset, string script)
    {
        var arguments = new Dictionary<string, string>
        {
            ["--dataset"] = dataset,
            ["--database"] = "pipeline",
            ["--raw_table"] = "raw_" + dataset,
            ["--stage_table"] = dataset + "_stage",
            ["--stage_path"] = $"s3://{Bucket}/stage/{dataset}/",
            ["--partition_keys"] = "vendor,event_date",
            ["--id_field"] = "event_id",
            ["--time_field"] = "event_time",
            ["--output_compression"] = "snappy",
            ["--run_summary_path"] = $"s3://{Bucket}/job-runs/",
            ["--job-bookmark-option"] = "job-bookmark-enable",
        };
        var created = await _cloud.Cli.RunAsync(
            "glue", "create-job", "--name", name, "--role", "arn:aws:iam::000000000000:role/glue",
            "--command", $"Name=glueetl,ScriptLocation={script},PythonVersion=3",
            "--default-arguments", JsonSerializer.Serialize(arguments, CliJson.Default.DictionaryStringString),
            "--glue-version", "5.0", "--worker-type", "G.1X", "--number-of-workers", "2");
        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.Equal(name, created.Json.GetProperty("Name").GetString());
    }

    private async Task<JsonElement> WaitForRunAsync(string job, string id, params string[] states)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var run = (await _cloud.Cli.RunAsync("glue", "get-job-run", "--job-name", job, "--run-id", id)).Json.GetProperty("JobRun");
            if (states.Contains(run.GetProperty("JobRunState").GetString()) || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(250);
        }
    }
}
