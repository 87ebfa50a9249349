using BenchmarkDotNet.Attributes;

namespace Pipeline.Benchmarks.DuckDb;

/// <summary>
/// One run of LocalCloud's pipeline_etl.py: 4,000 vehicle_telemetry records from four gzipped NDJSON objects,
/// flattened, deduplicated and written as hive-partitioned Snappy Parquet, published to stage and catalogued.
/// </summary>
[Config(typeof(DuckDbBenchmarkConfig))]
[InvocationCount(1, 1)]
public class EtlFlattenBenchmarks
{
    private TelemetryLake _lake = null!;

    [GlobalSetup]
    public void Setup() => _lake = TelemetryLake.CreateAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _lake.Dispose();

    // Each run must find stage empty, or it would dedupe every row away and write nothing.
    [IterationSetup]
    public void ResetStage() => _lake.ResetStageAsync().GetAwaiter().GetResult();

    [Benchmark]
    public void FlattenToPartitionedParquet() => _lake.RunEtlAsync().GetAwaiter().GetResult();
}
