using System.IO.Compression;
using System.Text;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.UnitTests.LocalCloud.Athena;

/// <summary>
/// A raw table whose files differ in fields stays queryable, as with Athena's JSON SerDe: each file is read by the
/// table's columns, a column a file lacks is NULL, a field the table lacks is ignored, a value that does not fit its
/// type is NULL, and no file (nor the folders it sits in) changes the table's shape.
/// </summary>
public sealed class RawFilesOfDifferentShapesTests : IDisposable
{
    private const string Database = "pipeline";
    private const string Hour = "raw/vehicle_telemetry/year=2026/month=01/day=15/hour=08/";

    // As the Firehose transformer writes them: gzip, with ingest_time last.
    private const string FirehoseLines =
        """
        {"event_id":"e1","vehicle_id":"V1","speed_kmh":51.5,"engine":{"rpm":1200,"temp_c":88.5},"ingest_time":"2026-01-15T08:00:01Z"}
        {"event_id":"e2","vehicle_id":"V2","speed_kmh":12.0,"engine":{"rpm":900,"temp_c":70.0},"ingest_time":"2026-01-15T08:00:02Z"}

        """;

    // As `aws s3 cp` brings them: plain, no ingest_time, an unknown field, a struct without a member, a bad number.
    private const string CopiedLines =
        """
        {"event_id":"e3","vehicle_id":"V3","speed_kmh":33.0,"engine":{"rpm":1500},"firmware":"2.1"}
        {"event_id":"e4","vehicle_id":"V4","speed_kmh":"fast","engine":{"rpm":800,"temp_c":65.0,"oil_bar":3.2}}

        """;

    private readonly AthenaHarness _harness = new();

    [Fact]
    public async Task Count_reads_every_file_of_a_partitioned_raw_table()
    {
        await SetUpAsync(partitioned: true, copiedKey: Hour + "data.json");

        var outcome = await _harness.RunAsync("SELECT count(*) FROM pipeline.raw_vehicle_telemetry", Database);

        Assert.Equal([["4"]], outcome.Rows);
    }

    [Fact]
    public async Task Files_in_folders_of_different_depths_give_one_shape()
    {
        // Before, every key=value folder above a file became a column of that file's read, and a plain file beside
        // the hour folders made "Set operations can only apply to expressions with the same number of result columns".
        await SetUpAsync(partitioned: false, copiedKey: "raw/vehicle_telemetry/data.json");

        var count = await _harness.RunAsync("SELECT count(*) FROM raw_vehicle_telemetry", Database);
        var star = await _harness.RunAsync("SELECT * FROM raw_vehicle_telemetry ORDER BY event_id", Database);

        Assert.Equal([["4"]], count.Rows);
        Assert.Equal(["event_id", "vehicle_id", "speed_kmh", "engine", "ingest_time"], star.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task Missing_columns_and_members_are_null_unknown_fields_ignored_misfits_null()
    {
        await SetUpAsync(partitioned: true, copiedKey: Hour + "data.json");

        var outcome = await _harness.RunAsync(
            "SELECT event_id, ingest_time IS NULL, speed_kmh, engine.rpm, engine.temp_c IS NULL, hour FROM raw_vehicle_telemetry ORDER BY event_id",
            Database);

        Assert.Equal(
            [
                ["e1", "false", "51.5", "1200", "false", "08"],
                ["e2", "false", "12.0", "900", "false", "08"],
                ["e3", "true", "33.0", "1500", "true", "08"],
                ["e4", "true", null, "800", "false", "08"],
            ],
            outcome.Rows);
    }

    [Fact]
    public async Task A_field_the_table_does_not_declare_is_not_a_column()
    {
        await SetUpAsync(partitioned: true, copiedKey: Hour + "data.json");

        var error = await Assert.ThrowsAsync<Pipeline.LocalCloud.Athena.Sql.AthenaQueryException>(
            () => _harness.RunAsync("SELECT firmware FROM raw_vehicle_telemetry", Database));

        Assert.StartsWith("COLUMN_NOT_FOUND: ", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _harness.Dispose();

    private async Task SetUpAsync(bool partitioned, string copiedKey)
    {
        await _harness.Store.CreateBucketAsync(AthenaHarness.Bucket);
        await PutAsync(Hour + "pipeline-local-vehicle_telemetry-1-2026-01-15-08-00-00-0f1e2d3c", Gzip(FirehoseLines));
        await PutAsync(copiedKey, Encoding.UTF8.GetBytes(CopiedLines));
        await _harness.Catalog.CreateDatabaseAsync(new DatabaseInput { Name = Database });
        await _harness.Catalog.CreateTableAsync(Database, new TableInput
        {
            Name = "raw_vehicle_telemetry",
            TableType = "EXTERNAL_TABLE",
            PartitionKeys = partitioned ? new[] { "year", "month", "day", "hour" }.Select(k => new Column { Name = k, Type = "string" }).ToList() : [],
            StorageDescriptor = new StorageDescriptor
            {
                Columns =
                [
                    new Column { Name = "event_id", Type = "string" },
                    new Column { Name = "vehicle_id", Type = "string" },
                    new Column { Name = "speed_kmh", Type = "double" },
                    new Column { Name = "engine", Type = "struct<rpm:int,temp_c:double>" },
                    new Column { Name = "ingest_time", Type = "string" },
                ],
                Location = $"s3://{AthenaHarness.Bucket}/raw/vehicle_telemetry/",
                InputFormat = "org.apache.hadoop.mapred.TextInputFormat",
                SerdeInfo = new SerDeInfo { SerializationLibrary = "org.openx.data.jsonserde.JsonSerDe" },
            },
        });
        if (partitioned)
        {
            var errors = await _harness.Catalog.BatchCreatePartitionAsync(Database, "raw_vehicle_telemetry", [
                new PartitionInput { Values = ["2026", "01", "15", "08"], StorageDescriptor = new StorageDescriptor { Location = $"s3://{AthenaHarness.Bucket}/{Hour}" } },
            ]);
            Assert.Empty(errors);
        }
    }

    private async Task PutAsync(string key, byte[] bytes)
    {
        await using var content = new MemoryStream(bytes);
        await _harness.Store.PutObjectAsync(AthenaHarness.Bucket, key, content, new ObjectWriteOptions());
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
