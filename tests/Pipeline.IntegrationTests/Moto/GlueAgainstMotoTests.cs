using System.Text.Json.Nodes;
using Pipeline.Aws;
using Pipeline.Aws.Glue;
using Xunit;

namespace Pipeline.IntegrationTests.Moto;

/// <summary>The Glue client against moto's Glue: catalog, crawlers, partitions and job runs as the functions use them.</summary>
[Collection(MotoCollection.Name)]
public sealed class GlueAgainstMotoTests(MotoServerFixture moto)
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    [MotoFact]
    public async Task Creating_a_database_twice_is_AlreadyExists()
    {
        var glue = moto.Clients.CreateGlue();
        var name = Unique("db").Replace('-', '_');

        await glue.CreateDatabaseAsync(new DatabaseInput { Name = name, Description = "pipeline catalog" });
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => glue.CreateDatabaseAsync(new DatabaseInput { Name = name }));

        Assert.Equal(GlueErrorCodes.AlreadyExists, error.ErrorCode);
    }

    [MotoFact]
    public async Task A_created_crawler_reads_back_starts_and_refuses_a_second_start()
    {
        var glue = moto.Clients.CreateGlue();
        var database = Unique("db").Replace('-', '_');
        var name = Unique("pipeline-test-vehicle_telemetry-raw");
        await glue.CreateDatabaseAsync(new DatabaseInput { Name = database });
        await glue.CreateCrawlerAsync(new CreateCrawlerRequest
        {
            Name = name,
            Role = "arn:aws:iam::123456789012:role/crawler",
            DatabaseName = database,
            TablePrefix = "raw_",
            Targets = new CrawlerTargets { S3Targets = [new S3Target { Path = "s3://pipeline-test-data-lake/raw/vehicle_telemetry/" }] },
        });

        var created = await glue.GetCrawlerAsync(name);
        await glue.StartCrawlerAsync(name);
        var running = await glue.GetCrawlerAsync(name);
        var again = await Assert.ThrowsAsync<AwsServiceException>(() => glue.StartCrawlerAsync(name));

        Assert.Equal(name, created.Name);
        Assert.Equal(CrawlerState.Ready, created.State);
        Assert.Equal("raw_", created.TablePrefix);
        Assert.Equal(database, created.DatabaseName);
        Assert.Equal("s3://pipeline-test-data-lake/raw/vehicle_telemetry/", Assert.Single(created.Targets!.S3Targets!).Path);
        Assert.Equal(CrawlerState.Running, running.State);
        Assert.Equal(GlueErrorCodes.CrawlerRunning, again.ErrorCode);

        // moto reports the running crawl's LastCrawl.Status as RUNNING, outside the API's enum: read as unknown.
        Assert.NotNull(running.LastCrawl);
        Assert.Null(running.LastCrawl.Status);
        Assert.NotNull(running.LastCrawl.StartTime);
    }

    [MotoFact]
    public async Task An_unknown_crawler_is_EntityNotFound()
    {
        var glue = moto.Clients.CreateGlue();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => glue.GetCrawlerAsync(Unique("missing")));

        Assert.Equal(GlueErrorCodes.EntityNotFound, error.ErrorCode);
    }

    [MotoFact]
    public async Task Tables_and_partitions_read_back_with_every_page_followed()
    {
        var glue = moto.Clients.CreateGlue();
        var database = Unique("db").Replace('-', '_');
        await glue.CreateDatabaseAsync(new DatabaseInput { Name = database });
        await RawAsync(glue, "CreateTable", new JsonObject
        {
            ["DatabaseName"] = database,
            ["TableInput"] = new JsonObject
            {
                ["Name"] = "raw_vehicle_telemetry",
                ["TableType"] = "EXTERNAL_TABLE",
                ["StorageDescriptor"] = new JsonObject
                {
                    ["Columns"] = new JsonArray(new JsonObject { ["Name"] = "event_id", ["Type"] = "string" }),
                    ["Location"] = "s3://pipeline-test-data-lake/raw/vehicle_telemetry/",
                },
                ["PartitionKeys"] = new JsonArray(
                    new JsonObject { ["Name"] = "year", ["Type"] = "string" },
                    new JsonObject { ["Name"] = "month", ["Type"] = "string" },
                    new JsonObject { ["Name"] = "day", ["Type"] = "string" },
                    new JsonObject { ["Name"] = "hour", ["Type"] = "string" }),
            },
        });
        string[] hours = ["03", "04", "05"];
        foreach (var hour in hours)
        {
            await RawAsync(glue, "CreatePartition", new JsonObject
            {
                ["DatabaseName"] = database,
                ["TableName"] = "raw_vehicle_telemetry",
                ["PartitionInput"] = new JsonObject
                {
                    ["Values"] = new JsonArray("2026", "11", "22", hour),
                    ["StorageDescriptor"] = new JsonObject { ["Location"] = $"s3://pipeline-test-data-lake/raw/vehicle_telemetry/year=2026/month=11/day=22/hour={hour}/" },
                },
            });
        }

        var tables = await glue.GetAllTablesAsync(database);
        var all = await glue.GetAllPartitionsAsync(database, "raw_vehicle_telemetry");

        var table = Assert.Single(tables);
        Assert.Equal(["year", "month", "day", "hour"], table.PartitionKeys!.Select(k => k.Name));
        Assert.Equal("s3://pipeline-test-data-lake/raw/vehicle_telemetry/", table.StorageDescriptor!.Location);
        Assert.Equal(hours, all.Select(p => p.Values[3]).Order(StringComparer.Ordinal));
        Assert.All(all, p => Assert.NotNull(p.CreationTime));
        Assert.All(all, p => Assert.EndsWith($"hour={p.Values[3]}/", p.StorageDescriptor!.Location));
    }

    [MotoFact]
    public async Task A_job_run_carries_its_arguments_through_GetJobRun_and_GetJobRuns()
    {
        var glue = moto.Clients.CreateGlue();
        var job = Unique("pipeline-test-vehicle_telemetry-etl");
        await glue.CreateJobAsync(new CreateJobRequest
        {
            Name = job,
            Role = "arn:aws:iam::123456789012:role/etl",
            Command = new JobCommand { Name = "glueetl", ScriptLocation = "s3://pipeline-test-data-lake/glue/pipeline_etl.py", PythonVersion = "3" },
            DefaultArguments = new Dictionary<string, string> { ["--run_summary_path"] = "s3://pipeline-test-data-lake/job-runs/" },
            ExecutionProperty = new ExecutionProperty(5),
            GlueVersion = "5.0",
        });
        var arguments = new Dictionary<string, string>
        {
            ["--dataset"] = "vehicle_telemetry",
            ["--partitions"] = """["year=2026/month=11/day=22/hour=05"]""",
            ["--source_event_id"] = "3d675db5-59b9-6388-b8e8-e0a9b6d567a9",
        };

        var runId = await glue.StartJobRunAsync(new StartJobRunRequest { JobName = job, Arguments = arguments });
        var run = await glue.GetJobRunAsync(job, runId);
        var runs = await glue.GetJobRunsAsync(job);

        Assert.Equal(runId, run.Id);
        Assert.Equal(job, run.JobName);
        Assert.NotNull(run.JobRunState);
        Assert.NotNull(run.StartedOn);
        // moto also merges the job's default arguments into the run's; the run's own must all be there.
        Assert.All(arguments, a => Assert.Equal(a.Value, run.Arguments![a.Key]));
        Assert.Contains(runs.JobRuns!, r => r.Id == runId && r.Arguments!["--source_event_id"] == arguments["--source_event_id"]);
    }

    [MotoFact]
    public async Task An_unknown_job_run_is_EntityNotFound()
    {
        var glue = moto.Clients.CreateGlue();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => glue.GetJobRunAsync(Unique("missing-job"), "jr_0"));

        Assert.Equal(GlueErrorCodes.EntityNotFound, error.ErrorCode);
    }

    private static Task<JsonObject> RawAsync(GlueClient glue, string operation, JsonObject request) =>
        glue.Client.SendAsync(operation, request, MotoJsonContext.Default.JsonObject, MotoJsonContext.Default.JsonObject);
}
