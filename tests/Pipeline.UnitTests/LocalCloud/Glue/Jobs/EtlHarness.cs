using System.IO.Compression;
using System.Text.Json;
using Pipeline.LocalCloud.Glue.Api;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Glue.Jobs;
using Pipeline.LocalCloud.Glue.Jobs.Etl;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.LocalCloud.Glue.Jobs;

/// <summary>
/// The DuckDB pipeline_etl.py over a temporary data directory: a real object store and catalog holding a raw
/// telemetry table (partitioned year/month/day/hour) with gzip NDJSON objects from Fixtures/GlueJobs.
/// </summary>
internal sealed class EtlHarness : IAsyncDisposable
{
    public const string Bucket = "pipeline-local-data-lake";
    public const string Job = "pipeline-local-vehicle_telemetry-etl";
    public const string Hour05 = "year=2026/month=11/day=22/hour=05";
    public const string Hour06 = "year=2026/month=11/day=22/hour=06";

    private readonly FileObjectStore _files;

    public EtlHarness()
    {
        Options = new LocalCloudOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "glue-etl-unit-" + Guid.NewGuid().ToString("N")) };
        _files = new FileObjectStore(Path.Combine(Options.DataDirectory, "s3"), TimeProvider.System);
        Store = _files;
        Catalog = new GlueCatalog(Options, TimeProvider.System);
        Bookmarks = new JobBookmarks(Options.DataDirectory);
    }

    public LocalCloudOptions Options { get; }

    public IObjectStore Store { get; set; }

    public IGlueCatalog Catalog { get; }

    public JobBookmarks Bookmarks { get; }

    public Dictionary<string, string> Arguments { get; } = new()
    {
        ["--dataset"] = "vehicle_telemetry",
        ["--database"] = "pipeline",
        ["--raw_table"] = "raw_vehicle_telemetry",
        ["--stage_table"] = "vehicle_telemetry_stage",
        ["--stage_path"] = $"s3://{Bucket}/stage/vehicle_telemetry/",
        ["--partition_keys"] = "vendor,event_date",
        ["--id_field"] = "event_id",
        ["--time_field"] = "event_time",
        ["--output_compression"] = "snappy",
        ["--run_summary_path"] = $"s3://{Bucket}/job-runs/",
        ["--job-bookmark-option"] = "job-bookmark-enable",
    };

    public async Task SetUpAsync()
    {
        await _files.CreateBucketAsync(Bucket);
        await Catalog.CreateDatabaseAsync(new DatabaseInput { Name = "pipeline" });
        await Catalog.CreateTableAsync("pipeline", new TableInput
        {
            Name = "raw_vehicle_telemetry",
            TableType = "EXTERNAL_TABLE",
            Parameters = new() { ["classification"] = "json" },
            PartitionKeys = new[] { "year", "month", "day", "hour" }.Select(k => new Column { Name = k, Type = "string" }).ToList(),
            StorageDescriptor = new StorageDescriptor
            {
                Columns =
                [
                    new Column { Name = "event_id", Type = "string" },
                    new Column { Name = "event_time", Type = "string" },
                    new Column { Name = "vendor", Type = "string" },
                    new Column { Name = "vehicle_status", Type = "struct<speed_kmh:double,status:string,error_codes:array<string>,engine:struct<temp_c:double,rpm:bigint>>" },
                    new Column { Name = "gps_info", Type = "struct<latitude:double,longitude:double>" },
                ],
                Location = $"s3://{Bucket}/raw/vehicle_telemetry/",
                SerdeInfo = new SerDeInfo { SerializationLibrary = "org.openx.data.jsonserde.JsonSerDe" },
            },
        });
        foreach (var hour in new[] { "05", "06" })
        {
            await Catalog.BatchCreatePartitionAsync("pipeline", "raw_vehicle_telemetry",
            [
                new PartitionInput
                {
                    Values = ["2026", "11", "22", hour],
                    StorageDescriptor = new StorageDescriptor { Location = $"s3://{Bucket}/raw/vehicle_telemetry/year=2026/month=11/day=22/hour={hour}/" },
                },
            ]);
        }

        await UploadAsync($"raw/vehicle_telemetry/{Hour05}/stream-1-2026-11-22-05-00-00-aaaa.gz", "telemetry-hour05.json");
        await UploadAsync($"raw/vehicle_telemetry/{Hour06}/stream-1-2026-11-22-06-00-00-bbbb.gz", "telemetry-hour06.json");
    }

    /// <summary>Puts a fixture, gzip-compressed, under the key.</summary>
    public async Task UploadAsync(string key, string fixture)
    {
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(await File.ReadAllBytesAsync(ReferenceFiles.Fixture("GlueJobs", fixture)));
        }

        buffer.Position = 0;
        await _files.PutObjectAsync(Bucket, key, buffer, new ObjectWriteOptions());
    }

    /// <summary>Runs the script with the harness's arguments and the extra ones; returns the run id.</summary>
    public async Task<string> RunAsync(Dictionary<string, string>? extra = null)
    {
        var id = JobRunIds.New();
        var script = new PipelineEtlScript(Catalog, Store, Options, Bookmarks);
        var arguments = JobArguments.Merge(Arguments, extra);
        await script.RunAsync(new JobRunContext(Job, id, arguments, new JobRunLog(Options.DataDirectory, Job, id, TimeProvider.System)), CancellationToken.None);
        return id;
    }

    public async Task<JsonElement> SummaryAsync(string runId)
    {
        await using var stream = await _files.OpenReadAsync(Bucket, $"job-runs/{Job}/{runId}.json") ?? throw new FileNotFoundException("no run summary");
        return (await JsonDocument.ParseAsync(stream)).RootElement.Clone();
    }

    public async Task<IReadOnlyList<ObjectInfo>> StageObjectsAsync() => await _files.ListObjectsAsync(Bucket, "stage/vehicle_telemetry/", null, 1000);

    public string ContentPath(string key) => _files.GetContentPath(Bucket, key)!;

    public async ValueTask DisposeAsync()
    {
        _files.Dispose();
        await Task.Yield();
        try
        {
            Directory.Delete(Options.DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
    }
}
