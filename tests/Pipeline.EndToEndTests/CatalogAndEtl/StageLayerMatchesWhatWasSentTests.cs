using System.Globalization;
using System.Text.Json;
using Amazon.S3.Model;
using Pipeline.Aws;
using Pipeline.Provisioning;
using Pipeline.Aws.Glue;
using Pipeline.Contracts.Datasets;
using Pipeline.EndToEndTests.Infrastructure;
using Pipeline.FirehoseTransformer.Transformation;
using Pipeline.UnitTests.Support;

namespace Pipeline.EndToEndTests.CatalogAndEtl;

/// <summary>
/// End to end with real processes, through the whole flow: generator → Firehose → transformer → S3 → SQS → crawler
/// trigger → crawler → EventBridge → ETL runner → Glue job (Parquet) → EventBridge → notifier → SNS, then Athena over
/// the stage tables. What Athena counts must be what was sent; a redelivered object must not double a row; every job
/// run must be notified, a failed one with its error. Every stage file, read with Parquet.Net rather than DuckDB, must
/// have the stage columns and codec, and their rows must add up to Athena's count.
/// </summary>
public sealed class StageLayerMatchesWhatWasSentTests
{
    private const int RecordsPerDataset = 2_000;
    private const string Seed = "20261122";
    private static readonly TimeSpan FlowTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Athena_over_the_stage_tables_gives_the_counts_and_sums_of_what_was_sent_and_every_job_run_is_notified()
    {
        using var directory = new TestDirectory();
        await using var cloud = await LocalCloudProcess.StartAsync(directory.Sub("data"));
        var catalog = DatasetCatalog.BuiltIn();
        var pipeline = await LocalPipeline.DeployAsync(cloud, catalog);
        var athena = cloud.Clients().CreateAthena();

        var sends = pipeline.Deployment.Streams.Select(stream => GeneratorRun.RunAsync(
            [.. Arguments(stream.Dataset), "--stream", stream.StreamName, "--endpoint-url", cloud.Endpoint.ToString()],
            cloud.ClientEnvironment(),
            Path.Combine(directory.Path, $"{stream.Dataset}-report.json"))).ToArray();
        var results = await Task.WhenAll(sends);

        var expectations = new Dictionary<string, ExpectedRecords>(StringComparer.Ordinal);
        foreach (var (stream, result) in pipeline.Deployment.Streams.Zip(results))
        {
            Assert.True(result.ExitCode == 0, $"generator for {stream.Dataset} failed:\n{result.Output}");
            expectations[stream.Dataset] = ExpectedRecords.Judge(
                catalog.Get(stream.Dataset),
                await GeneratorRun.DryRunAsync(Arguments(stream.Dataset), Path.Combine(directory.Path, $"{stream.Dataset}.ndjson")));
        }

        var athenaCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var dataset in catalog.All)
        {
            var expected = expectations[dataset.Name];
            var totals = await WaitForStageAsync(athena, pipeline, dataset, expected.Valid, cloud);
            Assert.Equal(expected.Valid, totals.Count);
            Assert.Equal(expected.Valid, totals.Distinct);
            Assert.Equal(expected.Sum, totals.Sum, Math.Max(1e-6, Math.Abs(expected.Sum) * 1e-9));
            athenaCounts[dataset.Name] = totals.Count;
        }

        await AssertStageFilesReadByParquetNetAsync(cloud, pipeline, catalog, athenaCounts, directory.Sub("lake"));

        await AssertVendorQueryAndScannedBytesAsync(athena, pipeline, expectations["vehicle_telemetry"].Valid);
        await AssertRedeliveryAddsNoRowAsync(cloud, athena, pipeline, catalog.Get("vehicle_telemetry"), expectations["vehicle_telemetry"].Valid);
        var failed = await ForceFailedRunAsync(cloud, pipeline, "clickstream");
        await AssertEveryRunNotifiedAsync(cloud, pipeline, catalog, failed);
    }

    private static string[] Arguments(string dataset) =>
        ["--dataset", dataset, "--count", RecordsPerDataset.ToString(CultureInfo.InvariantCulture), "--seed", Seed, "--invalid-ratio", "0.02", "--rate", "2000"];

    private static async Task<StageTotals> WaitForStageAsync(Aws.Athena.AthenaClient athena, DeployedPipeline pipeline, DatasetDefinition dataset, int expected, LocalCloudProcess cloud)
    {
        // The flattened name of the sum field: struct fields become parent_child columns.
        var sumColumn = dataset.SumField!.Replace('.', '_');
        var sql = $"SELECT count(*), count(DISTINCT {dataset.IdField}), sum({sumColumn}) FROM {pipeline.Names.Database}.{dataset.Name}_stage";
        var totals = await Eventually.WaitAsync(
            async () =>
            {
                var query = await AthenaQuery.RunAsync(athena, pipeline.Names.WorkGroup, sql);
                return query.Succeeded
                    ? new StageTotals(Parse(query.Rows[0][0]), Parse(query.Rows[0][1]), double.Parse(query.Rows[0][2] ?? "0", CultureInfo.InvariantCulture), query.Describe)
                    : new StageTotals(-1, -1, 0, query.Describe);
            },
            t => t.Count >= expected,
            FlowTimeout,
            TimeSpan.FromSeconds(3));
        Assert.True(totals.Count == expected, $"{dataset.Name}: stage holds {totals.Count} rows, {expected} valid records were sent ({totals.Status})\n{Tail(cloud.Log)}");
        return totals;
    }

    /// <summary>
    /// Every stage object, read with Parquet.Net: a Parquet file with exactly the columns the stage table declares,
    /// which are the dataset's flattened fields (datasets.json and the flatten rule; partition keys only in the hive
    /// path), compressed with the deployment's codec, in sane row groups and sizes; all their rows are Athena's count.
    /// </summary>
    private static async Task AssertStageFilesReadByParquetNetAsync(LocalCloudProcess cloud, DeployedPipeline pipeline, DatasetCatalog catalog, IReadOnlyDictionary<string, int> athenaCounts, string downloads)
    {
        using var s3 = cloud.Clients().CreateS3();
        var glue = cloud.Clients().CreateGlue();
        var lake = new DataLake(s3, pipeline.Names.DataLakeBucket, downloads);
        var codec = catalog.Deployment.EtlOutputCompression.ToUpperInvariant();
        foreach (var dataset in catalog.All)
        {
            var expected = StageColumns(dataset);
            var tables = await glue.GetTablesAsync(pipeline.Names.Database, $"{dataset.Name}_stage");
            var table = Assert.Single(tables.TableList ?? [], t => t.Name == $"{dataset.Name}_stage");
            var declared = table.StorageDescriptor!.Columns!.Select(c => (c.Name, c.Type ?? "")).ToList();

            // The crawler orders the raw table's columns as they first appear in the data, so optional fields a first
            // record lacks come last; the flatten rule keeps that order. The set is the dataset's.
            Assert.True(
                expected.Order().SequenceEqual(declared.Order()),
                $"{dataset.Name}_stage declares {Describe(declared)}; the flatten rule over datasets.json gives {Describe(expected)}");

            var keys = await lake.DownloadAsync($"stage/{dataset.Name}/");
            Assert.NotEmpty(keys);
            long rows = 0;
            foreach (var key in keys)
            {
                Assert.EndsWith(".parquet", key, StringComparison.Ordinal);
                var file = await ParquetFiles.ReadAsync(Path.Combine(lake.Folder, key));
                Assert.True(declared.SequenceEqual(file.Columns), $"{key} has {Describe(file.Columns)}; the table declares {Describe(declared)}");
                Assert.Equal([codec], file.Codecs);
                Assert.Equal(file.Rows, file.RowGroupRows.Sum());
                Assert.All(file.RowGroupRows, n => Assert.InRange(n, 1, ParquetFiles.DuckDbRowGroupRows));
                Assert.Equal(file.Rows, file.Data.Count);
                Assert.All(file.Data, r => Assert.False(string.IsNullOrEmpty((string?)r.GetValueOrDefault(dataset.IdField)), $"{key}: a row without {dataset.IdField}"));

                // Footer and column metadata plus a few hundred bytes a row at most, compressed: a file far bigger
                // than that would mean something else was written.
                Assert.InRange(file.Length, 1, 8 * 1024 + 1024 * file.Rows);
                rows += file.Rows;
            }

            Assert.Equal(athenaCounts[dataset.Name], rows);
        }
    }

    /// <summary>
    /// The dataset's stage columns by the flatten rule: structs become parent_child columns, arrays and scalars keep
    /// their types, partition keys are left out; last the transformer's ingest_time, a string in the raw JSON.
    /// </summary>
    private static List<(string Name, string Type)> StageColumns(DatasetDefinition dataset)
    {
        var columns = new List<(string Name, string Type)>();
        foreach (var field in dataset.Fields)
        {
            Add(field, "");
        }

        columns.Add((RecordNormalizer.IngestTimeField, "string"));

        return [.. columns.Where(c => !dataset.StagePartitionKeys.Contains(c.Name, StringComparer.Ordinal))];

        void Add(FieldDefinition field, string prefix)
        {
            if (field.Type == FieldType.Struct)
            {
                foreach (var child in field.Fields ?? [])
                {
                    Add(child, prefix + field.Name + "_");
                }
            }
            else
            {
                columns.Add((prefix + field.Name, TypeOf(field)));
            }
        }

        static string TypeOf(FieldDefinition field) => field.Type switch
        {
            FieldType.String => "string",
            FieldType.Int => "int",
            FieldType.Long => "bigint",
            FieldType.Double => "double",
            FieldType.Boolean => "boolean",
            FieldType.Timestamp => "timestamp",
            FieldType.Array => $"array<{TypeOf(field.Items!)}>",
            _ => throw new NotSupportedException($"{field.Name}: {field.Type}"),
        };
    }

    private static string Describe(IEnumerable<(string Name, string Type)> columns) => string.Join(", ", columns.Select(c => $"{c.Name} {c.Type}"));

    private static async Task AssertVendorQueryAndScannedBytesAsync(Aws.Athena.AthenaClient athena, DeployedPipeline pipeline, int expected)
    {
        var database = pipeline.Names.Database;
        var stage = await AthenaQuery.RunAsync(athena, pipeline.Names.WorkGroup, $"SELECT vendor, count(*), avg(vehicle_status_speed_kmh) FROM {database}.vehicle_telemetry_stage GROUP BY 1 ORDER BY 1");
        Assert.True(stage.Succeeded, stage.Describe);
        Assert.True(stage.Rows.Count > 1, "one vendor only: the generator's fleet should have several");
        Assert.Equal(expected, stage.Rows.Sum(r => Parse(r[1])));
        Assert.All(stage.Rows, r => Assert.InRange(double.Parse(r[2]!, CultureInfo.InvariantCulture), 0, 400));

        // The same question over the raw JSON: same answer, and Parquet scans a small fraction of its bytes.
        var raw = await AthenaQuery.RunAsync(athena, pipeline.Names.WorkGroup, $"SELECT vendor, count(*), avg(vehicle_status.speed_kmh) FROM {database}.raw_vehicle_telemetry GROUP BY 1 ORDER BY 1");
        Assert.True(raw.Succeeded, raw.Describe);
        Assert.Equal(stage.Rows.Select(r => (r[0], r[1])), raw.Rows.Select(r => (r[0], r[1])));

        // A column-selective question with a filter on a stage partition key: Parquet reads two columns of one vendor's
        // files, the raw JSON table reads every object whole.
        var vendor = stage.Rows[0][0]!;
        var selectiveStage = await AthenaQuery.RunAsync(athena, pipeline.Names.WorkGroup, $"SELECT avg(vehicle_status_speed_kmh), max(event_time) FROM {database}.vehicle_telemetry_stage WHERE vendor = '{vendor}'");
        var selectiveRaw = await AthenaQuery.RunAsync(athena, pipeline.Names.WorkGroup, $"SELECT avg(vehicle_status.speed_kmh), max(event_time) FROM {database}.raw_vehicle_telemetry WHERE vendor = '{vendor}'");
        Assert.True(selectiveStage.Succeeded, selectiveStage.Describe);
        Assert.True(selectiveRaw.Succeeded, selectiveRaw.Describe);
        Assert.Equal(double.Parse(selectiveRaw.Rows[0][0]!, CultureInfo.InvariantCulture), double.Parse(selectiveStage.Rows[0][0]!, CultureInfo.InvariantCulture), 6);
        var stageBytes = selectiveStage.Execution.Statistics!.DataScannedInBytes!.Value;
        var rawBytes = selectiveRaw.Execution.Statistics!.DataScannedInBytes!.Value;
        Assert.True(stageBytes > 0 && stageBytes * 10 <= rawBytes, $"stage scanned {stageBytes} bytes, raw {rawBytes}");
    }

    private static async Task AssertRedeliveryAddsNoRowAsync(LocalCloudProcess cloud, Aws.Athena.AthenaClient athena, DeployedPipeline pipeline, DatasetDefinition dataset, int expected)
    {
        var glue = cloud.Clients().CreateGlue();
        var job = pipeline.Names.EtlJob(dataset.Name);
        var runsBefore = (await AllRunsAsync(glue, job)).Count;

        // Firehose may deliver a batch twice after a retry: the same records again, under a new object name.
        using var s3 = cloud.Clients().CreateS3();
        var objects = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = pipeline.Names.DataLakeBucket, Prefix = $"raw/{dataset.Name}/" });
        var original = objects.S3Objects.OrderByDescending(o => o.Size).First();
        await s3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = pipeline.Names.DataLakeBucket,
            SourceKey = original.Key,
            DestinationBucket = pipeline.Names.DataLakeBucket,
            DestinationKey = original.Key.Replace(".gz", "-redelivered.gz", StringComparison.Ordinal),
        });

        var runs = await Eventually.WaitAsync(
            () => AllRunsAsync(glue, job),
            r => r.Count > runsBefore && r.All(run => IsFinished(run.JobRunState)),
            FlowTimeout,
            TimeSpan.FromSeconds(2));
        Assert.True(runs.Count > runsBefore, $"no job run followed the redelivered object\n{Tail(cloud.Log)}");
        Assert.Equal(JobRunState.Succeeded, runs[0].JobRunState);

        var query = await AthenaQuery.RunAsync(athena, pipeline.Names.WorkGroup, $"SELECT count(*), count(DISTINCT {dataset.IdField}) FROM {pipeline.Names.Database}.{dataset.Name}_stage");
        Assert.True(query.Succeeded, query.Describe);
        Assert.Equal(expected, Parse(query.Rows[0][0]));
        Assert.Equal(expected, Parse(query.Rows[0][1]));
    }

    private static async Task<JobRun> ForceFailedRunAsync(LocalCloudProcess cloud, DeployedPipeline pipeline, string dataset)
    {
        var glue = cloud.Clients().CreateGlue();
        var job = pipeline.Names.EtlJob(dataset);
        var request = new StartJobRunRequest { JobName = job, Arguments = new Dictionary<string, string> { ["--dataset"] = dataset, ["--raw_table"] = "no_such_table" } };
        var runId = await Eventually.WaitAsync(
            async () =>
            {
                try
                {
                    return await glue.StartJobRunAsync(request);
                }
                catch (AwsServiceException e) when (e.ErrorCode == "ConcurrentRunsExceededException")
                {
                    return null;
                }
            },
            id => id is not null,
            TimeSpan.FromSeconds(60));
        Assert.NotNull(runId);
        var run = await Eventually.WaitAsync(() => glue.GetJobRunAsync(job, runId), r => IsFinished(r.JobRunState), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500));
        Assert.Equal(JobRunState.Failed, run.JobRunState);
        Assert.Contains("no_such_table", run.ErrorMessage, StringComparison.Ordinal);
        return run;
    }

    private static async Task AssertEveryRunNotifiedAsync(LocalCloudProcess cloud, DeployedPipeline pipeline, DatasetCatalog catalog, JobRun failed)
    {
        var glue = cloud.Clients().CreateGlue();
        var messagesFile = Path.Combine(cloud.DataDirectory, "sns", pipeline.Names.NotificationTopic, "messages.jsonl");
        foreach (var dataset in catalog.All)
        {
            var runs = (await AllRunsAsync(glue, pipeline.Names.EtlJob(dataset.Name))).Where(r => IsFinished(r.JobRunState)).ToArray();
            Assert.NotEmpty(runs);
            var notified = await Eventually.WaitAsync(
                () => Task.FromResult(ReadMessages(messagesFile)),
                messages => runs.All(run => messages.Any(m => m.Message.Contains(run.Id, StringComparison.Ordinal))),
                TimeSpan.FromSeconds(60));
            foreach (var run in runs)
            {
                var message = notified.FirstOrDefault(m => m.Message.Contains(run.Id, StringComparison.Ordinal));
                Assert.True(message is not null, $"no notification for {run.JobName} run {run.Id} ({run.JobRunState})\n{Tail(cloud.Log)}");
                Assert.Contains(dataset.Name, message.Subject, StringComparison.Ordinal);
            }
        }

        var failure = ReadMessages(messagesFile).Single(m => m.Message.Contains(failed.Id, StringComparison.Ordinal));
        Assert.Contains("FAILED", failure.Subject, StringComparison.Ordinal);
        Assert.Contains(failed.ErrorMessage!, failure.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<Notification> ReadMessages(string file) =>
        File.Exists(file)
            ? File.ReadAllLines(file).Where(l => l.Length > 0).Select(l =>
            {
                using var json = JsonDocument.Parse(l);
                var subject = json.RootElement.TryGetProperty("Subject", out var s) ? s.GetString() : null;
                return new Notification(subject ?? "", json.RootElement.GetProperty("Message").GetString() ?? "");
            }).ToArray()
            : [];

    private static async Task<IReadOnlyList<JobRun>> AllRunsAsync(GlueClient glue, string job)
    {
        var runs = new List<JobRun>();
        string? token = null;
        do
        {
            var page = await glue.GetJobRunsAsync(job, token);
            runs.AddRange(page.JobRuns ?? []);
            token = page.NextToken;
        }
        while (token is not null);

        return runs;
    }

    private static bool IsFinished(JobRunState? state) =>
        state is JobRunState.Succeeded or JobRunState.Failed or JobRunState.Timeout or JobRunState.Stopped or JobRunState.Error;

    private static int Parse(string? value) => int.Parse(value ?? "-1", CultureInfo.InvariantCulture);

    private static string Tail(string log) => log[^Math.Min(log.Length, 6000)..];

    private sealed record StageTotals(int Count, int Distinct, double Sum, string Status);

    private sealed record Notification(string Subject, string Message);
}
