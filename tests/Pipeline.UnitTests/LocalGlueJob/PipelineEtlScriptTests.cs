using Pipeline.DuckDb;
using Pipeline.LocalGlueJob;
using Pipeline.UnitTests.LocalGlueJob.Fakes;

namespace Pipeline.UnitTests.LocalGlueJob;

/// <summary>
/// The DuckDB pipeline_etl.py on small gzip NDJSON fixtures: flattened, deduplicated Parquet in hive folders with the
/// derived event_date, the summary, the stage table and partitions, bookmarks, compression and all-or-nothing publishing.
/// </summary>
public sealed class PipelineEtlScriptTests : IAsyncLifetime
{
    private readonly EtlHarness _etl = new();

    public Task InitializeAsync() => _etl.SetUpAsync();

    public async Task DisposeAsync() => await _etl.DisposeAsync();

    [Fact]
    public async Task The_first_run_writes_one_file_per_partition_and_summarises_it()
    {
        var id = await _etl.RunAsync();
        var summary = await _etl.SummaryAsync(id);
        var keys = (await _etl.StageObjectsAsync()).Select(o => o.Key).ToList();

        Assert.Equal(EtlHarness.Job, summary.GetProperty("job_name").GetString());
        Assert.Equal(id, summary.GetProperty("job_run_id").GetString());
        Assert.Equal("vehicle_telemetry", summary.GetProperty("dataset").GetString());
        Assert.Equal(6, summary.GetProperty("rows_read").GetInt64());
        Assert.Equal(5, summary.GetProperty("rows_written").GetInt64());
        Assert.Equal(1, summary.GetProperty("duplicates_dropped").GetInt64());
        Assert.Equal(4, summary.GetProperty("files_written").GetInt32());
        string[] partitions =
        [
            "vendor=Scania/event_date=2026-11-22",
            "vendor=Volvo/event_date=2026-11-22",
            "vendor=Volvo/event_date=2026-11-23",
            "vendor=Volvo/event_date=__HIVE_DEFAULT_PARTITION__",
        ];
        Assert.Equal(partitions, summary.GetProperty("partitions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(partitions.Select(p => $"stage/vehicle_telemetry/{p}/{id}-0.parquet"), keys);
    }

    [Fact]
    public async Task Rows_are_flattened_with_a_utc_timestamp_and_the_first_duplicate_wins()
    {
        await _etl.RunAsync();
        var files = (await _etl.StageObjectsAsync()).Select(o => _etl.ContentPath(o.Key)).ToList();

        using var connection = DuckDbConnections.OpenInMemory();
        connection.Execute("SET TimeZone = 'UTC'");
        var list = "[" + string.Join(", ", files.Select(DuckDbSql.Literal)) + "]";
        using var schema = connection.Query($"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet({list}, hive_partitioning = false))");
        var columns = new List<(string, string)>();
        while (schema.Read())
        {
            columns.Add((schema.GetString(0), schema.GetString(1)));
        }

        using var rows = connection.Query(
            $"SELECT event_id, strftime(event_time, '%Y-%m-%dT%H:%M:%S.%fZ'), vehicle_status_speed_kmh, vehicle_status_engine_rpm, vehicle_status_error_codes FROM read_parquet({list}, hive_partitioning = false) ORDER BY event_id");
        var values = new List<object?[]>();
        while (rows.Read())
        {
            values.Add(Enumerable.Range(0, rows.FieldCount).Select(i => rows.IsDBNull(i) ? null : rows.GetValue(i)).ToArray());
        }

        Assert.Equal(
            [
                ("event_id", "VARCHAR"), ("event_time", "TIMESTAMP"), ("vehicle_status_speed_kmh", "DOUBLE"), ("vehicle_status_status", "VARCHAR"),
                ("vehicle_status_error_codes", "VARCHAR[]"), ("vehicle_status_engine_temp_c", "DOUBLE"), ("vehicle_status_engine_rpm", "BIGINT"),
                ("gps_info_latitude", "DOUBLE"), ("gps_info_longitude", "DOUBLE"),
            ],
            columns);
        Assert.Equal(["a1", "a2", "a3", "a4", "a5"], values.Select(v => (string)v[0]!));
        Assert.Equal("2026-11-22T05:30:00.123000Z", values[0][1]);
        Assert.Equal(88.5, values[0][2]);
        Assert.Equal("2026-11-22T05:00:00.000000Z", values[1][1]);
        Assert.Equal("2026-11-23T01:30:00.000000Z", values[2][1]);
        Assert.Null(values[2][2]);
        Assert.Null(values[4][1]);
        Assert.Equal(["P0420", "U0100"], Assert.IsType<List<string>>(values[1][4]));
    }

    [Fact]
    public async Task A_second_run_skips_bookmarked_objects_and_drops_a_redelivered_copy()
    {
        await _etl.RunAsync();
        var before = await _etl.StageObjectsAsync();
        await _etl.UploadAsync($"raw/vehicle_telemetry/{EtlHarness.Hour05}/stream-1-2026-11-22-05-10-00-cccc.gz", "telemetry-hour05.json");

        var id = await _etl.RunAsync(new() { ["--partitions"] = $"[\"{EtlHarness.Hour05}\"]" });
        var summary = await _etl.SummaryAsync(id);

        Assert.Equal(4, summary.GetProperty("rows_read").GetInt64());
        Assert.Equal(0, summary.GetProperty("rows_written").GetInt64());
        Assert.Equal(4, summary.GetProperty("duplicates_dropped").GetInt64());
        Assert.Equal(0, summary.GetProperty("files_written").GetInt32());
        Assert.Empty(summary.GetProperty("partitions").EnumerateArray());
        Assert.Equal(before.Select(o => o.Key), (await _etl.StageObjectsAsync()).Select(o => o.Key));
    }

    [Fact]
    public async Task Without_bookmarks_every_object_is_read_again_and_stage_ids_are_dropped()
    {
        _etl.Arguments["--job-bookmark-option"] = "job-bookmark-disable";
        await _etl.RunAsync();

        var summary = await _etl.SummaryAsync(await _etl.RunAsync());

        Assert.Equal(6, summary.GetProperty("rows_read").GetInt64());
        Assert.Equal(0, summary.GetProperty("rows_written").GetInt64());
    }

    [Theory]
    [InlineData("snappy", "SNAPPY")]
    [InlineData("gzip", "GZIP")]
    public async Task Parquet_is_compressed_as_asked(string argument, string codec)
    {
        _etl.Arguments["--output_compression"] = argument;
        await _etl.RunAsync();
        var file = _etl.ContentPath((await _etl.StageObjectsAsync())[0].Key);

        using var connection = DuckDbConnections.OpenInMemory();
        var codecs = connection.ExecuteScalar<string>("SELECT string_agg(DISTINCT compression, ',') FROM parquet_metadata(?)", file);

        Assert.Equal(codec, codecs);
    }

    [Fact]
    public async Task The_stage_table_and_its_partitions_are_in_the_catalog()
    {
        await _etl.RunAsync();
        var table = await _etl.Catalog.GetTableAsync("pipeline", "vehicle_telemetry_stage");
        var partitions = await _etl.Catalog.GetPartitionsAsync("pipeline", "vehicle_telemetry_stage");

        Assert.Equal("parquet", table.Parameters!["classification"]);
        Assert.Equal("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", table.StorageDescriptor!.SerdeInfo!.SerializationLibrary);
        Assert.Equal("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat", table.StorageDescriptor.InputFormat);
        Assert.Equal("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat", table.StorageDescriptor.OutputFormat);
        Assert.Equal($"s3://{EtlHarness.Bucket}/stage/vehicle_telemetry/", table.StorageDescriptor.Location);
        Assert.Equal([("vendor", "string"), ("event_date", "string")], table.PartitionKeys!.Select(k => (k.Name, k.Type)));
        Assert.Equal(("event_time", "timestamp"), (table.StorageDescriptor.Columns![1].Name, table.StorageDescriptor.Columns[1].Type));
        Assert.Equal(("vehicle_status_error_codes", "array<string>"), (table.StorageDescriptor.Columns[4].Name, table.StorageDescriptor.Columns[4].Type));
        Assert.DoesNotContain(table.StorageDescriptor.Columns, c => c.Name is "vendor" or "event_date");
        Assert.Equal(4, partitions.Items.Count);
        Assert.Contains(partitions.Items, p => p.Values!.SequenceEqual(["Volvo", "2026-11-23"])
            && p.StorageDescriptor!.Location == $"s3://{EtlHarness.Bucket}/stage/vehicle_telemetry/vendor=Volvo/event_date=2026-11-23/");
    }

    [Fact]
    public async Task A_run_failing_while_publishing_leaves_nothing_visible()
    {
        _etl.Store = new FailingObjectStorage(_etl.Store, "stage/", failingWrite: 3);

        await Assert.ThrowsAsync<IOException>(() => _etl.RunAsync());

        Assert.Empty(await _etl.StageObjectsAsync());
        Assert.Empty(await _etl.Store.ListObjectsAsync(EtlHarness.Bucket, "job-runs/", null, 10));
        var missing = await Assert.ThrowsAsync<Pipeline.LocalCloud.Hosting.AwsServiceException>(() => _etl.Catalog.GetTableAsync("pipeline", "vehicle_telemetry_stage"));
        Assert.Equal("EntityNotFoundException", missing.Code);
        Assert.Empty(await _etl.Bookmarks.LoadAsync(EtlHarness.Job));
    }

    [Fact]
    public async Task A_missing_raw_table_fails_the_run_clearly()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _etl.RunAsync(new() { ["--raw_table"] = "no_such_table" }));

        Assert.Contains("pipeline.no_such_table", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _etl.StageObjectsAsync());
    }

    [Fact]
    public async Task A_partition_key_that_cannot_be_derived_fails_the_run()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _etl.RunAsync(new() { ["--partition_keys"] = "vendor,region" }));

        Assert.Contains("partition key 'region'", error.Message, StringComparison.Ordinal);
    }
}
