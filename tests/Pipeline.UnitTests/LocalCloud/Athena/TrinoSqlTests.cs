using System.Globalization;

namespace Pipeline.UnitTests.LocalCloud.Athena;

/// <summary>The Trino SQL the pipeline writes runs on DuckDB with Trino's results.</summary>
public sealed class TrinoSqlTests : IAsyncLifetime
{
    private AthenaHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AthenaHarness.CreateAsync();

    public Task DisposeAsync()
    {
        _harness.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Group_by_ordinal_struct_access_and_hourly_buckets()
    {
        var outcome = await _harness.RunAsync(
            "SELECT date_trunc('hour', from_iso8601_timestamp(ts)) AS hour, max(vehicle_status.speed_kmh) AS top FROM events_json WHERE month = '01' AND day = '01' GROUP BY 1 ORDER BY 1 LIMIT 2");

        Assert.Equal([["2026-01-01 00:00:00.000 UTC", "69.0"], ["2026-01-01 01:00:00.000 UTC", "129.0"]], outcome.Rows);
    }

    [Fact]
    public async Task Approx_distinct_count_distinct_and_casts()
    {
        var outcome = await _harness.RunAsync(
            "SELECT \"vendor\", approx_distinct(vin) AS a, count(DISTINCT vin) AS c, CAST(count(*) AS varchar) AS n FROM tele.events_parquet GROUP BY \"vendor\" ORDER BY 1");

        Assert.Equal(new string?[] { "acme", "zeta" }, outcome.Rows.Select(r => r[0]));
        Assert.All(outcome.Rows, r => Assert.Equal("7", r[2]));
        Assert.All(outcome.Rows, r => Assert.InRange(long.Parse(r[1]!, CultureInfo.InvariantCulture), 6, 8));
        Assert.Equal("4000", outcome.Rows[0][3]);
        Assert.Equal("varchar", outcome.Columns[3].Type);
    }

    [Fact]
    public async Task Integer_division_truncates_as_in_trino()
    {
        var outcome = await _harness.RunAsync("SELECT 7 / 2, 7.0 / 2");

        Assert.Equal([["3", "3.5"]], outcome.Rows);
    }

    [Fact]
    public async Task Partition_columns_follow_the_data_columns()
    {
        var outcome = await _harness.RunAsync("SELECT * FROM awsdatacatalog.tele.events_json WHERE month = '02' AND day = '02' LIMIT 1");

        Assert.Equal(["vin", "vendor", "ts", "vehicle_status", "payload", "month", "day"], outcome.Columns.Select(c => c.Name!).ToArray());
        Assert.Equal(new string?[] { "02", "02" }, outcome.Rows[0][5..]);
        Assert.StartsWith("{speed_kmh=", outcome.Rows[0][3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_and_describe_answer_from_the_catalog()
    {
        var tables = await _harness.RunAsync("SHOW TABLES IN tele 'events_*'");
        var columns = await _harness.RunAsync("DESCRIBE tele.events_parquet");

        Assert.Equal(new string?[] { "events_json", "events_parquet" }, tables.Rows.Select(r => r[0]));
        Assert.False(tables.HasHeaderRow);
        Assert.Contains(columns.Rows, r => r[0] == "vehicle_status" && r[1] == "struct<speed_kmh:double,fuel_pct:double>");
        Assert.Contains(columns.Rows, r => r[0] == "month");
    }
}
