using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Pipeline.Benchmarks;

// Each benchmark class names its job: OneCoreConfig for the Lambda-sized components, DuckDbBenchmarkConfig for LocalCloud.
// Building the generated project (it references LocalCloud) takes minutes on a shared 2-core machine; the default
// timeout is two.
if (args is [CpuTimeHarness.Argument, var secondsText, ..])
{
    // A third argument, --no-typed, leaves out the typed path's figures (for profiling the function's own).
    CpuTimeHarness.Run(double.Parse(secondsText, System.Globalization.CultureInfo.InvariantCulture), rounds: 5, typed: !args.Contains("--no-typed"));
    return;
}

var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(TransformerBenchmarks).Assembly).Run(args, config);

var figures = new List<ThroughputFigure>();
foreach (var report in summaries.SelectMany(s => s.Reports).Where(r => r.ResultStatistics is not null))
{
    var nanoseconds = report.ResultStatistics!.Mean;
    if (report.BenchmarkCase.Descriptor.Type == typeof(TransformerBenchmarks))
    {
        var dataset = (string)report.BenchmarkCase.Parameters["Dataset"];
        var bench = new TransformerBenchmarks { Dataset = dataset };
        bench.Setup();
        var seconds = nanoseconds / 1e9;
        figures.Add(new ThroughputFigure("transformer", dataset, 500 / seconds, bench.InputBytes / seconds / 1e6));
    }
    else if (report.BenchmarkCase.Descriptor.Type == typeof(GeneratorBenchmarks))
    {
        var dataset = (string)report.BenchmarkCase.Parameters["Dataset"];
        // Mean is per record (OperationsPerInvoke); bytes per record from one sample operation.
        var bench = new GeneratorBenchmarks { Dataset = dataset };
        bench.Setup();
        var bytesPerRecord = (double)bench.Generate() / GeneratorBenchmarks.RecordsPerOperation;
        var recordsPerSecond = 1e9 / nanoseconds;
        figures.Add(new ThroughputFigure("generator", dataset, recordsPerSecond, recordsPerSecond * bytesPerRecord / 1e6));
    }
}

foreach (var figure in figures)
{
    Console.WriteLine($"{figure.Component,-12} {figure.Dataset,-18} {figure.RecordsPerSecond,12:N0} records/s {figure.MegabytesPerSecond,8:N1} MB/s (one core)");
}

Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
await File.WriteAllTextAsync(
    Path.Combine("BenchmarkDotNet.Artifacts", "throughput.json"),
    JsonSerializer.Serialize(figures.ToArray(), ThroughputJsonContext.Default.ThroughputFigureArray));
