using DuckDB.NET.Data;
using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>
/// The built-in parquet extension writes Hive-partitioned Parquet and reads it back with the partition columns,
/// offline: the Glue job's flatten-to-stage and Athena's reads of stage tables.
/// </summary>
public sealed class DuckDbWritesPartitionedParquetTests : IDisposable
{
    private readonly DuckDbScratchFolder _folder = new();
    private readonly DuckDBConnection _connection = DuckDbConnections.OpenInMemory();

    public DuckDbWritesPartitionedParquetTests()
    {
        _connection.Execute("""
            CREATE TABLE readings AS
            SELECT i AS id,
                   TIMESTAMP '2024-01-30 00:00:00' + to_hours(i) AS event_time,
                   (i % 7) * 1.5 AS speed,
                   {'lat': 57.0::DOUBLE + i / 1000.0, 'codes': ['A', 'B']} AS gps
            FROM range(2000) t(i)
            """);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Hive_partitions_round_trip_with_their_sums()
    {
        // COPY creates the partition folders but not the parents of its target.
        var stage = _folder.File("stage", "vehicle_telemetry");
        Directory.CreateDirectory(_folder.File("stage"));
        _connection.Execute($"""
            COPY (SELECT id, event_time, speed, year(event_time) AS year, month(event_time) AS month FROM readings)
            TO '{stage}' (FORMAT parquet, PARTITION_BY (year, month))
            """);

        Assert.True(Directory.Exists(Path.Combine(stage, "year=2024", "month=2")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(stage, "year=2024", "month=1"), "*.parquet"));

        using var expected = _connection.Query("SELECT year(event_time), month(event_time), sum(speed), count(*) FROM readings GROUP BY ALL ORDER BY ALL");
        using var actual = _connection.Query(
            "SELECT year, month, sum(speed), count(*) FROM read_parquet(?, hive_partitioning = true) GROUP BY ALL ORDER BY ALL",
            Path.Combine(stage, "**", "*.parquet"));
        var groups = 0;
        while (expected.Read())
        {
            Assert.True(actual.Read());
            Assert.Equal(expected.GetInt64(0), actual.GetInt64(0));
            Assert.Equal(expected.GetInt64(1), actual.GetInt64(1));
            Assert.Equal(expected.GetDecimal(2), actual.GetDecimal(2));
            Assert.Equal(expected.GetInt64(3), actual.GetInt64(3));
            groups++;
        }

        Assert.False(actual.Read());
        Assert.Equal(4, groups);
    }

    [Fact]
    public void Partition_filters_read_only_the_matching_folders()
    {
        var stage = _folder.File("stage");
        _connection.Execute($"COPY (SELECT id, month(event_time) AS month FROM readings) TO '{stage}' (FORMAT parquet, PARTITION_BY (month))");

        var count = _connection.ExecuteScalar<long>(
            "SELECT count(*) FROM read_parquet(?, hive_partitioning = true) WHERE month = 1",
            Path.Combine(stage, "*", "*.parquet"));

        Assert.Equal(_connection.ExecuteScalar<long>("SELECT count(*) FROM readings WHERE month(event_time) = 1"), count);
    }

    [Fact]
    public void Nested_columns_survive_a_single_file_round_trip()
    {
        var file = _folder.File("readings.parquet");
        _connection.Execute($"COPY readings TO '{file}' (FORMAT parquet)");

        using var result = _connection.Query("SELECT gps, event_time FROM read_parquet(?) WHERE id = 1500", file);

        Assert.True(result.Read());
        var gps = Assert.IsType<Dictionary<string, object>>(result.GetValue(0));
        Assert.Equal(58.5, gps["lat"]);
        Assert.Equal(["A", "B"], Assert.IsType<List<string>>(gps["codes"]));
        Assert.Equal(new DateTime(2024, 1, 30).AddHours(1500), result.GetDateTime(1));
    }
}
