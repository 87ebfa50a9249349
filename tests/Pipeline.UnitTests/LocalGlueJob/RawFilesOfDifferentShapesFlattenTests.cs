using System.IO.Compression;
using System.Text;
using Pipeline.DuckDb;
using Pipeline.AwsShapes.Glue;

namespace Pipeline.UnitTests.LocalGlueJob;

/// <summary>
/// The Glue job over raw files that differ in fields: every row of every file lands in stage, a column a file lacks
/// (ingest_time, written only by the Firehose transformer) and a struct member it lacks are null, a field the table
/// does not declare is ignored, and a value that does not fit its type is null.
/// </summary>
public sealed class RawFilesOfDifferentShapesFlattenTests : IAsyncLifetime
{
    private const string Hour07 = "raw/vehicle_telemetry/year=2026/month=11/day=22/hour=07/";

    private readonly EtlHarness _etl = new();

    public async Task InitializeAsync()
    {
        await _etl.SetUpAsync();

        // The raw table as the crawler makes it once Firehose files are there: ingest_time last.
        var raw = await _etl.Catalog.GetTableAsync("pipeline", "raw_vehicle_telemetry");
        await _etl.Catalog.UpdateTableAsync("pipeline", new TableInput
        {
            Name = raw.Name,
            TableType = raw.TableType,
            Parameters = raw.Parameters,
            PartitionKeys = raw.PartitionKeys,
            StorageDescriptor = raw.StorageDescriptor! with { Columns = [.. raw.StorageDescriptor.Columns!, new Column { Name = "ingest_time", Type = "string" }] },
        });
        await _etl.Catalog.BatchCreatePartitionAsync("pipeline", "raw_vehicle_telemetry",
        [
            new PartitionInput { Values = ["2026", "11", "22", "07"], StorageDescriptor = new StorageDescriptor { Location = $"s3://{EtlHarness.Bucket}/{Hour07}" } },
        ]);

        await PutAsync(
            Hour07 + "pipeline-local-vehicle_telemetry-1-2026-11-22-07-00-00-cccc.gz",
            Gzip("""
                {"event_id":"f1","event_time":"2026-11-22T07:10:00Z","vendor":"Volvo","vehicle_status":{"speed_kmh":50.0,"status":"ok","error_codes":[],"engine":{"temp_c":80.0,"rpm":1500}},"gps_info":{"latitude":59.0,"longitude":18.0},"ingest_time":"2026-11-22T07:10:01Z"}
                {"event_id":"f2","event_time":"2026-11-22T07:11:00Z","vendor":"Volvo","vehicle_status":{"speed_kmh":51.0,"status":"ok","error_codes":[],"engine":{"temp_c":81.0,"rpm":1600}},"gps_info":{"latitude":59.1,"longitude":18.1},"ingest_time":"2026-11-22T07:11:01Z"}

                """));

        // As `aws s3 cp` brings it: plain, no ingest_time, an engine without rpm, an unknown field, a speed as text.
        await PutAsync(
            Hour07 + "data.json",
            Encoding.UTF8.GetBytes("""
                {"event_id":"c1","event_time":"2026-11-22T07:20:00Z","vendor":"Scania","vehicle_status":{"speed_kmh":30.0,"status":"ok","error_codes":["P0001"],"engine":{"temp_c":75.0}},"gps_info":{"latitude":58.0,"longitude":17.0},"firmware":"2.1"}
                {"event_id":"c2","event_time":"2026-11-22T07:21:00Z","vendor":"Scania","vehicle_status":{"speed_kmh":"fast","status":"ok","error_codes":[],"engine":{"temp_c":76.0,"rpm":900,"oil_bar":3.2}},"gps_info":{"latitude":58.1,"longitude":17.1}}

                """));
    }

    public async Task DisposeAsync() => await _etl.DisposeAsync();

    [Fact]
    public async Task Every_row_lands_in_stage_and_ingest_time_is_null_where_the_file_had_none()
    {
        var id = await _etl.RunAsync();
        var summary = await _etl.SummaryAsync(id);
        var rows = await StageRowsAsync("event_id, ingest_time, vehicle_status_speed_kmh, vehicle_status_engine_rpm, vehicle_status_engine_temp_c");

        // The fixtures' six rows (one a duplicate, none with ingest_time) and the four above.
        Assert.Equal(10, summary.GetProperty("rows_read").GetInt64());
        Assert.Equal(9, summary.GetProperty("rows_written").GetInt64());
        Assert.Equal(["a1", "a2", "a3", "a4", "a5", "c1", "c2", "f1", "f2"], rows.Select(r => (string)r[0]!));
        Assert.Equal(["2026-11-22T07:10:01Z", "2026-11-22T07:11:01Z"], rows.Where(r => r[1] is not null).Select(r => (string)r[1]!));
        Assert.All(rows.Where(r => !((string)r[0]!).StartsWith('f')), r => Assert.Null(r[1]));
        var c1 = rows.Single(r => (string)r[0]! == "c1");
        var c2 = rows.Single(r => (string)r[0]! == "c2");
        Assert.Equal(new object?[] { 30.0, null, 75.0 }, c1[2..]);
        Assert.Equal(new object?[] { null, 900L, 76.0 }, c2[2..]);
    }

    [Fact]
    public async Task The_stage_table_has_the_raw_columns_and_no_field_of_one_file()
    {
        await _etl.RunAsync();
        var stage = await _etl.Catalog.GetTableAsync("pipeline", "vehicle_telemetry_stage");
        var columns = stage.StorageDescriptor!.Columns!.Select(c => c.Name).ToList();

        Assert.Contains("ingest_time", columns);
        Assert.DoesNotContain(columns, c => c!.Contains("firmware", StringComparison.Ordinal) || c.Contains("oil_bar", StringComparison.Ordinal));
    }

    private async Task<List<object?[]>> StageRowsAsync(string columns)
    {
        var files = (await _etl.StageObjectsAsync()).Select(o => _etl.ContentPath(o.Key)).ToList();
        using var connection = DuckDbConnections.OpenInMemory();
        var list = "[" + string.Join(", ", files.Select(DuckDbSql.Literal)) + "]";
        using var result = connection.Query($"SELECT {columns} FROM read_parquet({list}, hive_partitioning = false, union_by_name = true) ORDER BY event_id");
        var rows = new List<object?[]>();
        while (result.Read())
        {
            rows.Add(Enumerable.Range(0, result.FieldCount).Select(i => result.IsDBNull(i) ? null : result.GetValue(i)).ToArray());
        }

        return rows;
    }

    private async Task PutAsync(string key, byte[] bytes)
    {
        await using var content = new MemoryStream(bytes);
        await _etl.Store.PutObjectAsync(EtlHarness.Bucket, key, content);
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
