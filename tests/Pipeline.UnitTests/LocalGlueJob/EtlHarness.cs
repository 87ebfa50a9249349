using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Aws;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Glue.Jobs;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;
using Pipeline.LocalGlueJob;
using Pipeline.UnitTests.Support;
using JobRunContext = Pipeline.LocalGlueJob.JobRunContext;

namespace Pipeline.UnitTests.LocalGlueJob;

/// <summary>
/// The local pipeline_etl.py against LocalCloud in process (on a free loopback port, over a temporary data directory),
/// through the AWS APIs as the program runs it: a raw telemetry table (partitioned year/month/day/hour) in the catalog
/// with gzip NDJSON objects from Fixtures/GlueJobs. The test reads what the run left from LocalCloud's own catalog and store.
/// </summary>
internal sealed class EtlHarness : IAsyncDisposable
{
    public const string Bucket = "pipeline-local-data-lake";
    public const string Job = "pipeline-local-vehicle_telemetry-etl";
    public const string Hour05 = "year=2026/month=11/day=22/hour=05";
    public const string Hour06 = "year=2026/month=11/day=22/hour=06";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "glue-etl-unit-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _cloud;
    private IAmazonS3? _s3;
    private Pipeline.Aws.Glue.GlueClient? _glue;

    private IObjectStore Files => _cloud!.Services.GetRequiredService<IObjectStore>();

    /// <summary>S3 as the script sees it; a test may put a failing one in its place.</summary>
    public IObjectStorage Store { get; set; } = null!;

    /// <summary>LocalCloud's catalog, in process.</summary>
    public IGlueCatalog Catalog => _cloud!.Services.GetRequiredService<IGlueCatalog>();

    /// <summary>The job's bookmarks where the script keeps them.</summary>
    public JobBookmarks Bookmarks => new(Store, JobBookmarks.FolderFor(new S3Uri(Bucket, "job-runs/")));

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
        var port = FreePort();
        _cloud = LocalCloudApp.Build(
        [
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--data-dir", Path.Combine(_root, "data"),
            "--Logging:LogLevel:Default", "Warning",
        ]);
        await _cloud.StartAsync();
        var aws = new AwsClientFactory(new AwsClientOptions
        {
            Endpoint = new Uri($"http://127.0.0.1:{port}"),
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("test", "test"),
            MaxAttempts = 1,
        });
        _s3 = aws.CreateS3();
        _glue = aws.CreateGlue();
        Store = new S3ObjectStorage(_s3);
        await Files.CreateBucketAsync(Bucket);
        await Catalog.CreateDatabaseAsync(new DatabaseInput { Name = "pipeline" });
        await Catalog.CreateTableAsync("pipeline", new TableInput
        {
            Name = "raw_vehicle_telemetry",
            TableType = "EXTERNAL_TABLE",
            Parameters = new Dictionary<string, string> { ["classification"] = "json" },
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
        await Files.PutObjectAsync(Bucket, key, buffer, new ObjectWriteOptions());
    }

    /// <summary>Runs the script with the harness's arguments and the extra ones; returns the run id.</summary>
    public async Task<string> RunAsync(Dictionary<string, string>? extra = null)
    {
        var id = JobRunIds.New();
        var script = new PipelineEtlScript(_glue!, Store, Path.Combine(_root, "tmp"));
        var arguments = JobArguments.Merge(Arguments, extra);
        await script.RunAsync(new JobRunContext(Job, id, arguments, TextWriter.Null), CancellationToken.None);
        return id;
    }

    public async Task<JsonElement> SummaryAsync(string runId)
    {
        await using var stream = await Files.OpenReadAsync(Bucket, $"job-runs/{Job}/{runId}.json") ?? throw new FileNotFoundException("no run summary");
        return (await JsonDocument.ParseAsync(stream)).RootElement.Clone();
    }

    public async Task<IReadOnlyList<ObjectInfo>> StageObjectsAsync() => await Files.ListObjectsAsync(Bucket, "stage/vehicle_telemetry/", null, 1000);

    public string ContentPath(string key) => Files.GetContentPath(Bucket, key)!;

    public async ValueTask DisposeAsync()
    {
        _s3?.Dispose();
        if (_cloud is not null)
        {
            await _cloud.StopAsync();
            await _cloud.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
