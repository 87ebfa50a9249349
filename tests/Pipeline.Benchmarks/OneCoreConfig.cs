using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Pipeline.Benchmarks;

/// <summary>
/// One core (affinity mask 1), so the figures say what one Lambda vCPU or one generator core does. With
/// <c>PIPELINE_BENCHMARK_SMOKE=1</c> (<c>benchmarks/run --smoke</c>) each benchmark runs once, in process, to prove it
/// runs, not to measure.
/// </summary>
public sealed class OneCoreConfig : ManualConfig
{
    public const string SmokeVariable = "PIPELINE_BENCHMARK_SMOKE";

    /// <summary>The runtime's delay before it counts calls for tier-up; 0 for steady-state figures.</summary>
    public const string CallCountingDelayVariable = "DOTNET_TC_CallCountingDelayMs";

    public OneCoreConfig()
    {
        if (IsSmokeRun)
        {
            // The smoke run uses the Debug build the tests made; it proves the benchmarks run, it measures nothing.
            AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance));
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
        else
        {
            // Hot methods reach tier 1 as soon as they are hot: with the runtime's call-counting delay, a loaded
            // machine keeps them in the unoptimised tiers through the warm-up (see docs/performance.md).
            AddJob(Job.Default.WithAffinity(1).WithWarmupCount(3).WithIterationCount(10)
                .WithEnvironmentVariables(new EnvironmentVariable(CallCountingDelayVariable, "0")));
        }
    }

    public static bool IsSmokeRun => Environment.GetEnvironmentVariable(SmokeVariable) == "1";
}
