using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Pipeline.Benchmarks;

/// <summary>One core (affinity mask 1), so the figures say what one Lambda vCPU or one generator core does.</summary>
public sealed class OneCoreConfig : ManualConfig
{
    public OneCoreConfig() => AddJob(Job.Default.WithAffinity(1).WithWarmupCount(3).WithIterationCount(10));
}
