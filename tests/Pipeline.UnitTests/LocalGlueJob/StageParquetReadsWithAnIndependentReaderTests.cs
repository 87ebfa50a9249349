using System.Text.Json;
using Pipeline.Contracts.Datasets;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.LocalGlueJob;

/// <summary>
/// The stage Parquet that the DuckDB pipeline_etl.py writes, read back with Parquet.Net rather than DuckDB: the
/// flattened columns and their types (those the catalog declares, no partition column), the codec the deployment
/// gives the job, sane row groups and sizes, every distinct input record once, and known values where they belong.
/// </summary>
public sealed class StageParquetReadsWithAnIndependentReaderTests : IAsyncLifetime
{
    // The flatten rule (docs/orchestration.md) over the harness's raw table: structs become parent_child columns, the
    // time field a timestamp, arrays stay arrays; vendor and event_date are the stage partition keys, so not here.
    private static readonly (string Name, string Type)[] StageColumns =
    [
        ("event_id", "string"),
        ("event_time", "timestamp"),
        ("vehicle_status_speed_kmh", "double"),
        ("vehicle_status_status", "string"),
        ("vehicle_status_error_codes", "array<string>"),
        ("vehicle_status_engine_temp_c", "double"),
        ("vehicle_status_engine_rpm", "bigint"),
        ("gps_info_latitude", "double"),
        ("gps_info_longitude", "double"),
    ];

    private readonly EtlHarness _etl = new();
    private readonly Dictionary<ParquetFileFacts, string> _keys = new(ReferenceEqualityComparer.Instance);

    public Task InitializeAsync() => _etl.SetUpAsync();

    public async Task DisposeAsync() => await _etl.DisposeAsync();

    [Fact]
    public async Task Every_file_has_the_flattened_columns_the_stage_table_declares_and_no_partition_column()
    {
        await _etl.RunAsync();
        var files = await ReadStageAsync();
        var table = await _etl.Catalog.GetTableAsync("pipeline", "vehicle_telemetry_stage");
        var partitionKeys = DatasetCatalog.BuiltIn().Get("vehicle_telemetry").StagePartitionKeys;

        Assert.Equal(4, files.Count);
        Assert.All(files, f => Assert.Equal(StageColumns, f.Columns));
        Assert.Equal(StageColumns, table.StorageDescriptor!.Columns!.Select(c => (c.Name!, c.Type!)));
        Assert.Equal(partitionKeys, table.PartitionKeys!.Select(k => k.Name));
        Assert.All(files, f => Assert.Empty(f.ColumnNames.Intersect(partitionKeys)));
        Assert.All(files, f => Assert.StartsWith("DuckDB", f.CreatedBy, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_column_chunk_has_the_codec_the_deployment_gives_the_job()
    {
        // The deployment passes datasets.json's etl_output_compression as --output_compression.
        var compression = DatasetCatalog.BuiltIn().Deployment.EtlOutputCompression;
        _etl.Arguments["--output_compression"] = compression;
        await _etl.RunAsync();

        var files = await ReadStageAsync();

        Assert.Equal("snappy", compression);
        Assert.All(files, f => Assert.Equal(["SNAPPY"], f.Codecs));
    }

    [Fact]
    public async Task The_other_codec_the_job_accepts_is_gzip()
    {
        _etl.Arguments["--output_compression"] = "gzip";
        await _etl.RunAsync();

        var files = await ReadStageAsync();

        Assert.All(files, f => Assert.Equal(["GZIP"], f.Codecs));
    }

    [Fact]
    public async Task Row_groups_and_file_sizes_are_sane()
    {
        await _etl.RunAsync();
        var files = await ReadStageAsync();

        Assert.All(files, f =>
        {
            // A handful of rows: one row group each, holding them all, as DuckDB's row group is 122,880 rows.
            Assert.Equal([f.Rows], f.RowGroupRows);
            Assert.InRange(f.Rows, 1, ParquetFiles.DuckDbRowGroupRows);
            Assert.Equal(f.Rows, f.Data.Count);

            // Footer, schema and nine column chunks of at most two rows: a few KiB, never nothing.
            Assert.InRange(f.Length, 512, 16 * 1024);
        });
    }

    [Fact]
    public async Task The_rows_are_the_distinct_input_records_once_each()
    {
        var id = await _etl.RunAsync();
        var files = await ReadStageAsync();
        var summary = await _etl.SummaryAsync(id);
        var inputIds = new[] { "telemetry-hour05.json", "telemetry-hour06.json" }
            .SelectMany(f => File.ReadLines(ReferenceFiles.Fixture("GlueJobs", f)))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("event_id").GetString())
            .ToList();

        var stageIds = files.SelectMany(f => f.Data).Select(r => (string?)r["event_id"]).ToList();

        Assert.Equal(6, inputIds.Count);
        Assert.Equal(inputIds.Distinct().Order(), stageIds.Order());
        Assert.Equal(summary.GetProperty("rows_written").GetInt64(), files.Sum(f => f.Rows));
        Assert.Equal(summary.GetProperty("rows_read").GetInt64() - summary.GetProperty("duplicates_dropped").GetInt64(), files.Sum(f => f.Rows));
    }

    [Fact]
    public async Task Known_records_round_trip_into_their_partition_folders()
    {
        await _etl.RunAsync();
        var files = await ReadStageAsync();

        // a1 twice in the input: the first one wins. Times are UTC; .123 survives.
        var a1 = Row(files, "a1", "vendor=Volvo/event_date=2026-11-22");
        Assert.Equal<object?>(new DateTime(2026, 11, 22, 5, 30, 0, 123), a1["event_time"]);
        Assert.Equal([88.5, 90.25, 2100L, "ok", 59.33, 18.06], Values(a1, "vehicle_status_speed_kmh", "vehicle_status_engine_temp_c", "vehicle_status_engine_rpm", "vehicle_status_status", "gps_info_latitude", "gps_info_longitude"));

        // 07:00+02:00 is 05:00 UTC; the nested array comes through whole.
        var a2 = Row(files, "a2", "vendor=Scania/event_date=2026-11-22");
        Assert.Equal<object?>(new DateTime(2026, 11, 22, 5, 0, 0), a2["event_time"]);
        Assert.Equal(new object?[] { "P0420", "U0100" }, (object?[])a2["vehicle_status_error_codes"]!);
        Assert.Equal([0.0, -5.5, 0L, "fail", -33.9, 151.2], Values(a2, "vehicle_status_speed_kmh", "vehicle_status_engine_temp_c", "vehicle_status_engine_rpm", "vehicle_status_status", "gps_info_latitude", "gps_info_longitude"));

        // 23:30-02:00 is the next day in UTC, and a null struct nulls every column it became.
        var a3 = Row(files, "a3", "vendor=Volvo/event_date=2026-11-23");
        Assert.Equal<object?>(new DateTime(2026, 11, 23, 1, 30, 0), a3["event_time"]);
        Assert.All(StageColumns.Where(c => c.Name.StartsWith("vehicle_status_", StringComparison.Ordinal)), c => Assert.Null(a3.GetValueOrDefault(c.Name)));
        Assert.Equal([57.7, 11.97], Values(a3, "gps_info_latitude", "gps_info_longitude"));

        // A missing struct is nulls too; a time that does not parse is null and lands in Hive's default partition.
        Assert.Null(Row(files, "a4", "vendor=Scania/event_date=2026-11-22").GetValueOrDefault("gps_info_latitude"));
        Assert.Null(Row(files, "a5", "vendor=Volvo/event_date=__HIVE_DEFAULT_PARTITION__").GetValueOrDefault("event_time"));
    }

    private static object?[] Values(IReadOnlyDictionary<string, object?> row, params string[] columns) =>
        [.. columns.Select(c => row.GetValueOrDefault(c))];

    /// <summary>Every stage object, by key, as Parquet.Net reads it.</summary>
    private async Task<IReadOnlyList<ParquetFileFacts>> ReadStageAsync()
    {
        var files = new List<ParquetFileFacts>();
        _keys.Clear();
        foreach (var stored in await _etl.StageObjectsAsync())
        {
            Assert.EndsWith(".parquet", stored.Key, StringComparison.Ordinal);
            var file = await ParquetFiles.ReadAsync(_etl.ContentPath(stored.Key));
            _keys[file] = stored.Key;
            files.Add(file);
        }

        Assert.NotEmpty(files);
        return files;
    }

    /// <summary>The one row with the id, asserting it is in exactly one file, under the partition folder given.</summary>
    private IReadOnlyDictionary<string, object?> Row(IReadOnlyList<ParquetFileFacts> files, string id, string partition)
    {
        var (file, row) = Assert.Single(files.SelectMany(f => f.Data.Select(r => (File: f, Row: r))), x => (string?)x.Row["event_id"] == id);
        Assert.StartsWith($"stage/vehicle_telemetry/{partition}/", _keys[file], StringComparison.Ordinal);
        return row;
    }
}
