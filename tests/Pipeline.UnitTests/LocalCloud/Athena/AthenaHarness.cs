using Pipeline.DuckDb;
using Pipeline.LocalCloud.Athena;
using Pipeline.LocalCloud.Athena.Engine;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.UnitTests.LocalCloud.Athena;

/// <summary>
/// A Glue catalog and an object store over a temporary directory, holding the same telemetry twice: as gzipped
/// NDJSON (<c>tele.events_json</c>) and as Parquet (<c>tele.events_parquet</c>), both partitioned by month and day
/// (four partitions), written by DuckDB at test time. The rows carry a wide, incompressible <c>payload</c> column
/// that column-selective queries do not need.
/// </summary>
internal sealed class AthenaHarness : IDisposable
{
    public const string Bucket = "lake";

    public const string ResultsBucket = "results";

    public static readonly (string Month, string Day)[] PartitionValues = [("01", "01"), ("01", "02"), ("02", "01"), ("02", "02")];

    private const int RowsPerPartition = 2000;

    public AthenaHarness()
    {
        Root = Path.Combine(Path.GetTempPath(), "athena-unit-" + Guid.NewGuid().ToString("N"));
        Options = new LocalCloudOptions { DataDirectory = Root };
        Catalog = new GlueCatalog(Options, TimeProvider.System);
        Store = new FileObjectStore(Path.Combine(Root, "s3"), TimeProvider.System);
        Engine = new QueryEngine(Catalog, Store, new AthenaOptions());
    }

    public string Root { get; }

    public LocalCloudOptions Options { get; }

    public IGlueCatalog Catalog { get; }

    public FileObjectStore Store { get; }

    public QueryEngine Engine { get; }

    /// <summary>Object sizes by key, as uploaded.</summary>
    public Dictionary<string, long> Sizes { get; } = new(StringComparer.Ordinal);

    public static async Task<AthenaHarness> CreateAsync()
    {
        var harness = new AthenaHarness();
        await harness.SeedAsync();
        return harness;
    }

    public Task<QueryOutcome> RunAsync(string sql, string? database = "tele", long? cutoff = null) =>
        Engine.RunAsync(new QueryRequest(sql, database, null, cutoff), CancellationToken.None);

    public long SizeOf(string format, string month, string day) => Sizes[Key(format, month, day)];

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }

    private static string Key(string format, string month, string day) =>
        $"{format}/month={month}/day={day}/part-0.{(format == "json" ? "json.gz" : "parquet")}";

    private async Task SeedAsync()
    {
        await Store.CreateBucketAsync(Bucket);
        await Store.CreateBucketAsync(ResultsBucket);
        var scratch = Path.Combine(Root, "scratch");
        Directory.CreateDirectory(scratch);
        using (var connection = DuckDbConnections.OpenInMemory())
        {
            for (var p = 0; p < PartitionValues.Length; p++)
            {
                var (month, day) = PartitionValues[p];
                var rows = $"""
                    SELECT 'V' || (i % 7) AS vin,
                           CASE WHEN i % 2 = 0 THEN 'acme' ELSE 'zeta' END AS vendor,
                           strftime(TIMESTAMP '2026-{month}-{day}' + to_minutes(i % 1440), '%Y-%m-%dT%H:%M:%SZ') AS ts,
                           struct_pack(speed_kmh := (i % 130)::DOUBLE, fuel_pct := (i % 100)::DOUBLE) AS vehicle_status,
                           md5(i::VARCHAR || '{p}') || md5((i * 7)::VARCHAR) || md5((i * 13)::VARCHAR || '{p}') AS payload
                    FROM range(0, {RowsPerPartition}) t(i)
                    """;
                var json = Path.Combine(scratch, $"{p}.json.gz");
                var parquet = Path.Combine(scratch, $"{p}.parquet");
                connection.Execute($"COPY ({rows}) TO '{json}' (FORMAT json, COMPRESSION gzip)");
                connection.Execute($"COPY ({rows}) TO '{parquet}' (FORMAT parquet)");
                await PutAsync(Key("json", month, day), json);
                await PutAsync(Key("parquet", month, day), parquet);
            }
        }

        await Catalog.CreateDatabaseAsync(new DatabaseInput { Name = "tele" });
        await CreateTableAsync("events_json", "json", "org.openx.data.jsonserde.JsonSerDe", "org.apache.hadoop.mapred.TextInputFormat");
        await CreateTableAsync("events_parquet", "parquet", "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat");
    }

    private async Task PutAsync(string key, string path)
    {
        await using var content = File.OpenRead(path);
        var info = await Store.PutObjectAsync(Bucket, key, content, new ObjectWriteOptions());
        Sizes[key] = info.Size;
    }

    private async Task CreateTableAsync(string name, string folder, string serde, string inputFormat)
    {
        await Catalog.CreateTableAsync("tele", new TableInput
        {
            Name = name,
            TableType = "EXTERNAL_TABLE",
            PartitionKeys = [new Column { Name = "month", Type = "string" }, new Column { Name = "day", Type = "string" }],
            StorageDescriptor = new StorageDescriptor
            {
                Columns =
                [
                    new Column { Name = "vin", Type = "string" },
                    new Column { Name = "vendor", Type = "string" },
                    new Column { Name = "ts", Type = "string" },
                    new Column { Name = "vehicle_status", Type = "struct<speed_kmh:double,fuel_pct:double>" },
                    new Column { Name = "payload", Type = "string" },
                ],
                Location = $"s3://{Bucket}/{folder}/",
                InputFormat = inputFormat,
                SerdeInfo = new SerDeInfo { SerializationLibrary = serde },
            },
        });
        var errors = await Catalog.BatchCreatePartitionAsync("tele", name, PartitionValues.Select(v => new PartitionInput
        {
            Values = [v.Month, v.Day],
            StorageDescriptor = new StorageDescriptor { Location = $"s3://{Bucket}/{folder}/month={v.Month}/day={v.Day}/" },
        }).ToList());
        Assert.Empty(errors);
    }
}
