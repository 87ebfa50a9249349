using System.Globalization;
using Amazon.SQS.Model;
using Pipeline.Aws.Glue;
using Pipeline.Contracts.Datasets;
using Pipeline.Provisioning;

namespace Pipeline.EndToEndTests.Infrastructure;

/// <summary>
/// One crash: the whole local pipeline in a LocalCloud armed to kill itself (SIGKILL) at a fault point, a seeded
/// batch of records sent, the kill awaited, then LocalCloud started again over the same data directory and port and
/// provisioned again, as the app host does at every start. What follows is the test's to judge.
/// </summary>
internal sealed class FaultScenario : IAsyncDisposable
{
    public const string Dataset = "vehicle_telemetry";

    private static readonly TimeSpan FaultTimeout = TimeSpan.FromSeconds(60);

    private readonly TestDirectory _directory;

    private FaultScenario(TestDirectory directory, LocalCloudProcess cloud, DeployedPipeline pipeline, DatasetDefinition dataset, ExpectedRecords expected)
    {
        _directory = directory;
        Cloud = cloud;
        Pipeline = pipeline;
        Definition = dataset;
        Expected = expected;
    }

    /// <summary>The restarted LocalCloud.</summary>
    public LocalCloudProcess Cloud { get; }

    public DeployedPipeline Pipeline { get; }

    public DatasetDefinition Definition { get; }

    public ExpectedRecords Expected { get; }

    public static async Task<FaultScenario> RunAsync(string faultPoint, int records)
    {
        var directory = new TestDirectory();
        try
        {
            var data = directory.Sub("data");
            var catalog = DatasetCatalog.BuiltIn();
            string[] arguments = ["--dataset", Dataset, "--count", records.ToString(CultureInfo.InvariantCulture), "--seed", "13", "--invalid-ratio", "0.02", "--rate", "2000"];
            int port;
            await using (var first = await LocalCloudProcess.StartAsync(data, faultPoint: faultPoint))
            {
                port = first.Port;
                var deployed = await LocalPipeline.DeployAsync(first, catalog);
                var stream = deployed.Deployment.Streams.Single(s => s.Dataset == Dataset);
                var sent = await GeneratorRun.RunAsync(
                    [.. arguments, "--stream", stream.StreamName, "--endpoint-url", first.Endpoint.ToString()],
                    first.ClientEnvironment(),
                    Path.Combine(directory.Path, "report.json"));
                Assert.True(sent.ExitCode == 0, $"the generator failed before the fault:\n{sent.Output}");
                Assert.Equal(records, sent.Report.GetProperty("records_sent").GetInt64());
                await first.WaitForFaultAsync(faultPoint, FaultTimeout);
            }

            var expected = ExpectedRecords.Judge(catalog.Get(Dataset), await GeneratorRun.DryRunAsync(arguments, Path.Combine(directory.Path, "sent.ndjson")));
            var cloud = await LocalCloudProcess.StartAsync(data, port);
            try
            {
                var pipeline = await LocalPipeline.DeployAsync(cloud, catalog);
                return new FaultScenario(directory, cloud, pipeline, catalog.Get(Dataset), expected);
            }
            catch
            {
                await cloud.DisposeAsync();
                throw;
            }
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Every valid record sent is in the stage table, none twice (Athena's count and distinct count of ids).</summary>
    public async Task AssertStageHoldsEveryRecordOnceAsync(TimeSpan timeout)
    {
        var athena = Cloud.Clients().CreateAthena();
        var sql = $"SELECT count(*), count(DISTINCT {Definition.IdField}) FROM {Pipeline.Names.Database}.{Dataset}_stage";
        var last = "no query yet";
        var totals = await Eventually.WaitAsync(
            async () =>
            {
                var query = await AthenaQuery.RunAsync(athena, Pipeline.Names.WorkGroup, sql);
                last = query.Describe;
                return query.Succeeded ? (Count: long.Parse(query.Rows[0][0]!, CultureInfo.InvariantCulture), Distinct: long.Parse(query.Rows[0][1]!, CultureInfo.InvariantCulture)) : (Count: -1L, Distinct: -1L);
            },
            t => t.Count >= Expected.Valid,
            timeout,
            TimeSpan.FromSeconds(2));
        Assert.True(
            totals.Count == Expected.Valid && totals.Distinct == Expected.Valid,
            $"stage holds {totals.Count} rows, {totals.Distinct} distinct ids; {Expected.Valid} valid records were sent ({last})\n{Tail(Cloud.Log)}");
    }

    /// <summary>Once the flow is through: the crawler is READY, no job run is left in progress, nothing went to the dead-letter queue.</summary>
    public async Task AssertNothingStuckAsync(TimeSpan timeout)
    {
        var glue = Cloud.Clients().CreateGlue();
        var crawler = await Eventually.WaitAsync(
            () => glue.GetCrawlerAsync(Pipeline.Names.RawCrawler(Dataset)),
            c => c.State == CrawlerState.Ready,
            timeout,
            TimeSpan.FromSeconds(1));
        Assert.True(crawler.State == CrawlerState.Ready, $"the crawler is {crawler.State} {timeout.TotalSeconds} s after the flow ended\n{Tail(Cloud.Log)}");

        var runs = await Eventually.WaitAsync(
            JobRunsAsync,
            r => r.All(run => run.JobRunState is not (JobRunState.Starting or JobRunState.Running or JobRunState.Stopping)),
            timeout,
            TimeSpan.FromSeconds(1));
        Assert.All(runs, r => Assert.False(
            r.JobRunState is JobRunState.Starting or JobRunState.Running or JobRunState.Stopping,
            $"job run {r.Id} is {r.JobRunState} {timeout.TotalSeconds} s after the flow ended"));

        using var sqs = Cloud.Clients().CreateSqs();
        var dlq = await sqs.GetQueueUrlAsync(Pipeline.Names.RawObjectsDeadLetterQueue);
        var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = dlq.QueueUrl, AttributeNames = ["All"] });
        Assert.Equal(0, attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible);
    }

    /// <summary>The ETL job's runs, newest first.</summary>
    public async Task<IReadOnlyList<JobRun>> JobRunsAsync()
    {
        var page = await Cloud.Clients().CreateGlue().GetJobRunsAsync(Pipeline.Names.EtlJob(Dataset));
        return page.JobRuns ?? [];
    }

    public static string Tail(string log) => log.Length <= 6000 ? log : log[^6000..];

    public async ValueTask DisposeAsync()
    {
        await Cloud.DisposeAsync();
        _directory.Dispose();
    }
}
