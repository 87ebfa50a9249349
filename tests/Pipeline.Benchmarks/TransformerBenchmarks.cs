using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer.Transformation;

namespace Pipeline.Benchmarks;

/// <summary>
/// The transformer on a full Firehose invocation (500 records, as Firehose batches them). Throughput in MB/s is
/// <see cref="InputBytes"/> divided by the mean time per operation; Program prints it.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OneCoreConfig))]
public class TransformerBenchmarks
{
    private const int RecordsPerInvocation = 500;
    private FirehoseTransformationEvent _invocation = null!;
    private FirehoseRecordTransformer _transformer = null!;

    [Params("vehicle_telemetry", "clickstream")]
    public string Dataset { get; set; } = "";

    /// <summary>Bytes of record data (before base64) in one invocation.</summary>
    public long InputBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var records = SampleRecords.For(Dataset, RecordsPerInvocation);
        InputBytes = records.Sum(r => (long)r.Length);
        _invocation = new FirehoseTransformationEvent(
            "benchmark",
            $"arn:aws:firehose:us-east-1:000000000000:deliverystream/pipeline-bench-{Dataset}",
            "us-east-1",
            records.Select((r, i) => new FirehoseTransformationRecord($"r{i}", 1_767_225_600_000 + i, Convert.ToBase64String(r))).ToArray());
        _transformer = new FirehoseRecordTransformer(DatasetCatalog.BuiltIn());
    }

    [Benchmark]
    public int Transform() => _transformer.Transform(_invocation).Response.Records.Count;
}
