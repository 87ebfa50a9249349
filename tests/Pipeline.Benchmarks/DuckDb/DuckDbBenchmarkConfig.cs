using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Pipeline.Benchmarks.DuckDb;

/// <summary>
/// A short job for LocalCloud's DuckDB paths: each operation takes tens to hundreds of milliseconds, so a few
/// iterations in one process say enough, and the whole set stays within minutes on the shared 2-core machine. No
/// affinity: LocalCloud runs DuckDB beside its other services, not pinned to a core.
/// </summary>
public sealed class DuckDbBenchmarkConfig : ManualConfig
{
    public DuckDbBenchmarkConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("DuckDb"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
