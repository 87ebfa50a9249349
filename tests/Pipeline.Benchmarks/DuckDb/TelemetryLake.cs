using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Aws;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Glue.Crawlers.Crawling;
using Pipeline.LocalCloud.Glue.Jobs;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;
using Pipeline.LocalGlueJob;
using JobRunContext = Pipeline.LocalGlueJob.JobRunContext;

namespace Pipeline.Benchmarks.DuckDb;

/// <summary>
/// A LocalCloud data lake in a temporary folder, LocalCloud running in process: the generator's vehicle_telemetry
/// records (fixed seed) as gzipped NDJSON objects in two raw hour partitions, the raw table in the Glue catalog with
/// the columns LocalCloud's crawler infers from them, and the local Glue job that flattens them into the stage table
/// through LocalCloud's S3 and Glue endpoints, as the job runs there.
/// </summary>
internal sealed class TelemetryLake : IDisposable
{
    public const string Bucket = "pipeline-local-data-lake";
    public const string Database = "pipeline";
    public const string RawTable = "raw_vehicle_telemetry";
    public const string StageTable = "vehicle_telemetry_stage";
    public const string StagePrefix = "stage/vehicle_telemetry/";
    public const string Job = "pipeline-local-vehicle_telemetry-etl";
    public const int Records = 4000;

    private static readonly string[] Hours = ["05", "06"];
    private const int FilesPerHour = 2;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "pipeline-bench-" + Guid.NewGuid().ToString("N"));
    private readonly WebApplication _cloud;
    private readonly IAmazonS3 _s3;
    private readonly PipelineEtlScript _script;

    private TelemetryLake()
    {
        var port = FreePort();
        _cloud = LocalCloudApp.Build(
        [
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--data-dir", Path.Combine(_root, "data"),
            "--Logging:LogLevel:Default", "Warning",
        ]);
        _cloud.StartAsync().GetAwaiter().GetResult();
        var aws = new AwsClientFactory(new AwsClientOptions
        {
            Endpoint = new Uri($"http://127.0.0.1:{port}"),
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("test", "test"),
        });
        _s3 = aws.CreateS3();
        _script = new PipelineEtlScript(aws.CreateGlue(), new S3ObjectStorage(_s3), Path.Combine(_root, "tmp"));
    }

    public IObjectStore Store => _cloud.Services.GetRequiredService<IObjectStore>();

    public IGlueCatalog Catalog => _cloud.Services.GetRequiredService<IGlueCatalog>();

    /// <summary>The raw objects' files on disk, as the crawler reads them.</summary>
    public List<string> RawFiles { get; } = [];

    public static async Task<TelemetryLake> CreateAsync()
    {
        var lake = new TelemetryLake();
        await lake.SeedRawAsync();
        return lake;
    }

    /// <summary>The job's arguments, as the pipeline's Terraform sets them; bookmarks off so every run reads everything.</summary>
    public static Dictionary<string, string> EtlArguments() => new()
    {
        ["--dataset"] = "vehicle_telemetry",
        ["--database"] = Database,
        ["--raw_table"] = RawTable,
        ["--stage_table"] = StageTable,
        ["--stage_path"] = $"s3://{Bucket}/{StagePrefix}",
        ["--partition_keys"] = "vendor,event_date",
        ["--id_field"] = "event_id",
        ["--time_field"] = "event_time",
        ["--output_compression"] = "snappy",
        ["--run_summary_path"] = $"s3://{Bucket}/job-runs/",
        ["--job-bookmark-option"] = "job-bookmark-disable",
    };

    /// <summary>One run of the local pipeline_etl.py over every raw object.</summary>
    public Task RunEtlAsync() => _script.RunAsync(new JobRunContext(Job, JobRunIds.New(), EtlArguments(), TextWriter.Null), CancellationToken.None);

    /// <summary>Removes what an ETL run wrote (stage objects, the stage table), so the next run dedupes against nothing.</summary>
    public async Task ResetStageAsync()
    {
        foreach (var info in await Store.ListObjectsAsync(Bucket, StagePrefix, null, 10_000))
        {
            await Store.DeleteObjectAsync(Bucket, info.Key);
        }

        try
        {
            await Catalog.DeleteTableAsync(Database, StageTable);
        }
        catch (Pipeline.LocalCloud.Hosting.AwsServiceException e) when (e.Code == "EntityNotFoundException")
        {
            // No run has written it yet.
        }
    }

    public void Dispose()
    {
        _s3.Dispose();
        _cloud.StopAsync().GetAwaiter().GetResult();
        _cloud.DisposeAsync().AsTask().GetAwaiter().GetResult();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }

    private async Task SeedRawAsync()
    {
        await Store.CreateBucketAsync(Bucket);
        var records = SampleRecords.For("vehicle_telemetry", Records);
        var perFile = Records / (Hours.Length * FilesPerHour);
        var file = 0;
        foreach (var hour in Hours)
        {
            for (var i = 0; i < FilesPerHour; i++, file++)
            {
                using var body = new MemoryStream();
                await using (var gzip = new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true))
                {
                    foreach (var record in records.Skip(file * perFile).Take(perFile))
                    {
                        gzip.Write(record);
                        gzip.WriteByte((byte)'\n');
                    }
                }

                body.Position = 0;
                var key = $"raw/vehicle_telemetry/{HourPath(hour)}stream-1-2026-01-01-{hour}-00-0{i}-bench.gz";
                await Store.PutObjectAsync(Bucket, key, body, new ObjectWriteOptions());
                RawFiles.Add(Store.GetContentPath(Bucket, key)!);
            }
        }

        // The columns the crawler would write for these objects.
        HiveStruct columns = new([]);
        using (var inferrer = new DuckDbSchemaInferrer())
        {
            foreach (var path in RawFiles)
            {
                columns = SchemaMerger.MergeStructs(columns, inferrer.Infer(path).Columns);
            }
        }

        await Catalog.CreateDatabaseAsync(new DatabaseInput { Name = Database });
        await Catalog.CreateTableAsync(Database, new TableInput
        {
            Name = RawTable,
            TableType = "EXTERNAL_TABLE",
            Parameters = new Dictionary<string, string> { ["classification"] = "json" },
            PartitionKeys = new[] { "year", "month", "day", "hour" }.Select(k => new Column { Name = k, Type = "string" }).ToList(),
            StorageDescriptor = new StorageDescriptor
            {
                Columns = columns.Fields.Select(f => new Column { Name = f.Name, Type = f.Type.ToString() }).ToList(),
                Location = $"s3://{Bucket}/raw/vehicle_telemetry/",
                SerdeInfo = new SerDeInfo { SerializationLibrary = "org.openx.data.jsonserde.JsonSerDe" },
            },
        });
        await Catalog.BatchCreatePartitionAsync(Database, RawTable, Hours.Select(hour => new PartitionInput
        {
            Values = ["2026", "01", "01", hour],
            StorageDescriptor = new StorageDescriptor { Location = $"s3://{Bucket}/raw/vehicle_telemetry/{HourPath(hour)}" },
        }).ToList());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string HourPath(string hour) => $"year=2026/month=01/day=01/hour={hour}/";
}
