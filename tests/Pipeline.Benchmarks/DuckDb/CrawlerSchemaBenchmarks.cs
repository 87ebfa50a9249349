using BenchmarkDotNet.Attributes;
using Pipeline.LocalCloud.Glue.Crawlers.Crawling;

namespace Pipeline.Benchmarks.DuckDb;

/// <summary>The crawler's schema inference (a DESCRIBE and an integer-range pass per file) over four gzipped NDJSON objects.</summary>
[Config(typeof(DuckDbBenchmarkConfig))]
public class CrawlerSchemaBenchmarks
{
    private TelemetryLake _lake = null!;
    private DuckDbSchemaInferrer _inferrer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lake = TelemetryLake.CreateAsync().GetAwaiter().GetResult();

        // LocalCloud keeps one inferrer (and its DuckDB) for the life of the process.
        _inferrer = new DuckDbSchemaInferrer();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _inferrer.Dispose();
        _lake.Dispose();
    }

    [Benchmark]
    public long InferSchemaOfRawObjects()
    {
        long records = 0;
        foreach (var path in _lake.RawFiles)
        {
            records += _inferrer.Infer(path).RecordCount;
        }

        return records;
    }
}
