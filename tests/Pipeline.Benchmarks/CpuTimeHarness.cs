using System.Diagnostics;
using System.Runtime;

namespace Pipeline.Benchmarks;

/// <summary>
/// The transformer (and the generator) measured the way the Python peer is: whole invocations in a loop, throughput per second of this
/// process's CPU time. On a shared, loaded machine wall-clock figures (BenchmarkDotNet's) mostly measure the other
/// processes; CPU time makes the two sides comparable. Run pinned to one core (<c>taskset -c 0</c>).
/// </summary>
internal static class CpuTimeHarness
{
    public const string Argument = "--cpu-time";

    /// <summary>Measures the function's path, then (unless <paramref name="typed"/> is false) the typed path beside it.</summary>
    public static void Run(double seconds, int rounds, bool typed = true)
    {
        if (!OneCoreConfig.IsSmokeRun && Environment.GetEnvironmentVariable(OneCoreConfig.CallCountingDelayVariable) != "0")
        {
            Console.Error.WriteLine(
                $"warning: {OneCoreConfig.CallCountingDelayVariable} is not 0: on a loaded machine the figures may be those of unoptimised code (benchmarks/run sets it)");
        }

        foreach (var dataset in new[] { "vehicle_telemetry", "clickstream" })
        {
            var bench = new TransformerBenchmarks { Dataset = dataset };
            bench.Setup();
            Measure("transformer", dataset, bench, bench.Transform, seconds, rounds);
        }

        // The typed path (kept for the events the bytes path leaves to the deserializer), for comparison.
        foreach (var dataset in typed ? new[] { "vehicle_telemetry", "clickstream" } : [])
        {
            var bench = new TransformerBenchmarks { Dataset = dataset };
            bench.Setup();
            Measure("transformer-typed", dataset, bench, bench.TransformTyped, seconds, rounds);
        }

        // The generator the same way: its NDJSON in MiB per second of CPU time, start-up and JIT left out (the
        // generator-cli line of benchmarks/run has them in).
        foreach (var dataset in new[] { "vehicle_telemetry", "clickstream" })
        {
            var bench = new GeneratorBenchmarks { Dataset = dataset };
            bench.Setup();
            var warmUntil = Stopwatch.StartNew();
            while (warmUntil.Elapsed < TimeSpan.FromSeconds(Math.Min(2, seconds)))
            {
                bench.Generate();
            }

            var figures = new List<(double RecordsPerSecond, double BytesPerSecond)>();
            for (var round = 0; round < rounds; round++)
            {
                var process = Process.GetCurrentProcess();
                var cpuStart = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                long records = 0;
                long bytes = 0;
                while (clock.Elapsed.TotalSeconds < seconds)
                {
                    bytes += bench.Generate();
                    records += GeneratorBenchmarks.RecordsPerOperation;
                }

                process.Refresh();
                var cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds;
                figures.Add((records / cpu, bytes / cpu));
            }

            figures.Sort();
            var best = figures[^1];
            var median = figures[figures.Count / 2];
            Console.WriteLine(
                $"{"generator",-12} {dataset,-18} {best.RecordsPerSecond,12:N0} records/s {best.BytesPerSecond / 1048576,8:N1} MiB/s (one core)" +
                $"  [CPU time, best of {rounds}; median {median.BytesPerSecond / 1048576:N1} MiB/s]");
        }
    }

    private static void Measure(string component, string dataset, TransformerBenchmarks bench, Func<int> transform, double seconds, int rounds)
    {
        // Warm up until tiered compilation has settled on the optimised code: at least two seconds (or the round's
        // length), then until a whole second passes without the JIT compiling a method. On a loaded core the
        // background tier-1 compilations take many seconds; measured before they finish, the figures are those of
        // the unoptimised, instrumented code (a third of the time in the runtime's profiling helpers), not the steady
        // state a Lambda process runs in after its first few invocations.
        var warmUntil = Stopwatch.StartNew();
        var minimum = TimeSpan.FromSeconds(Math.Min(2, seconds));
        var quiet = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        while (warmUntil.Elapsed < minimum || (quiet.Elapsed < TimeSpan.FromSeconds(Math.Min(1, seconds)) && warmUntil.Elapsed < TimeSpan.FromSeconds(60)))
        {
            transform();
            if (JitInfo.GetCompiledMethodCount() is var now && now != compiled)
            {
                compiled = now;
                quiet.Restart();
            }
        }

        var figures = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var process = Process.GetCurrentProcess();
            var cpuStart = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var invocations = 0;
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                transform();
                invocations++;
            }

            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds;
            figures.Add(invocations / cpu);
        }

        figures.Sort();
        var best = figures[^1];
        var median = figures[figures.Count / 2];
        Console.WriteLine(
            $"{component,-12} {dataset,-18} {best * 500,12:N0} records/s {best * bench.InputBytes / 1e6,8:N1} MB/s (one core)" +
            $"  [CPU time, best of {rounds}; median {median * bench.InputBytes / 1e6:N1} MB/s]");
    }
}
