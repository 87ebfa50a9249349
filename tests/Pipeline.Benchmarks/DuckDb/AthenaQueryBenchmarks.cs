using BenchmarkDotNet.Attributes;
using Pipeline.LocalCloud.Athena;
using Pipeline.LocalCloud.Athena.Engine;

namespace Pipeline.Benchmarks.DuckDb;

/// <summary>
/// Athena queries through LocalCloud's QueryEngine (each in its own DuckDB, as in LocalCloud): aggregates over the
/// stage Parquet table and over the raw JSON table, and all stage rows rendered as Athena's text.
/// </summary>
[Config(typeof(DuckDbBenchmarkConfig))]
public class AthenaQueryBenchmarks
{
    private TelemetryLake _lake = null!;
    private QueryEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lake = TelemetryLake.CreateAsync().GetAwaiter().GetResult();
        _lake.RunEtlAsync().GetAwaiter().GetResult();
        _engine = new QueryEngine(_lake.Catalog, _lake.Store, new AthenaOptions());
    }

    [GlobalCleanup]
    public void Cleanup() => _lake.Dispose();

    [Benchmark]
    public int AggregateStageParquet() => Run(
        $"SELECT vendor, count(*) AS events, avg(vehicle_status_speed_kmh) AS speed, max(vehicle_status_engine_temp_c) AS hottest FROM {TelemetryLake.StageTable} GROUP BY vendor ORDER BY vendor");

    [Benchmark]
    public int AggregateRawJson() => Run(
        $"SELECT vendor, count(*) AS events, avg(vehicle_status.speed_kmh) AS speed, max(gps_info.altitude_m) AS highest FROM {TelemetryLake.RawTable} WHERE hour = '05' GROUP BY vendor ORDER BY vendor");

    [Benchmark]
    public int SelectAllStageRows() => Run($"SELECT * FROM {TelemetryLake.StageTable}");

    private int Run(string sql) =>
        _engine.RunAsync(new QueryRequest(sql, TelemetryLake.Database, null, null), CancellationToken.None).GetAwaiter().GetResult().Rows.Count;
}
