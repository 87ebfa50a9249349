using System.Buffers;
using BenchmarkDotNet.Attributes;
using Pipeline.Contracts.Datasets;
using Pipeline.Generator.Data;

namespace Pipeline.Benchmarks;

/// <summary>The generator producing records (NDJSON bytes) with no network: records/s and MB/s per core.</summary>
[MemoryDiagnoser]
[Config(typeof(OneCoreConfig))]
public class GeneratorBenchmarks
{
    public const int RecordsPerOperation = 10_000;
    private readonly ArrayBufferWriter<byte> _buffer = new(16 << 20);
    private RecordSource _source = null!;

    [Params("vehicle_telemetry", "clickstream")]
    public string Dataset { get; set; } = "";

    [GlobalSetup]
    public void Setup() =>
        _source = new RecordSource(DatasetCatalog.BuiltIn().Get(Dataset), new RecordSourceOptions { Seed = 42, Rate = 2000 });

    /// <summary>Returns the bytes produced, so Program can report MB/s alongside records/s.</summary>
    [Benchmark(OperationsPerInvoke = RecordsPerOperation)]
    public long Generate()
    {
        _buffer.ResetWrittenCount();
        return _source.Generate(RecordsPerOperation, _buffer);
    }
}
