using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer;
using Pipeline.FirehoseTransformer.Transformation;
using Pipeline.LambdaRuntime;

namespace Pipeline.Benchmarks;

/// <summary>
/// The transformer on a full Firehose invocation (500 records, as Firehose batches them), as the function runs it:
/// the event's JSON bytes in, the response's JSON bytes out (<see cref="TransformationHandler.HandleUtf8Async"/>).
/// Throughput in MB/s is <see cref="InputBytes"/> divided by the mean time per operation; Program prints it.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OneCoreConfig))]
public class TransformerBenchmarks
{
    private const int RecordsPerInvocation = 500;
    private static readonly LambdaContext Context = new() { AwsRequestId = "benchmark", Deadline = DateTimeOffset.MaxValue };
    private byte[] _invocation = [];
    private TransformationHandler _handler = null!;
    private Func<ReadOnlyMemory<byte>, LambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>> _typed = null!;

    [Params("vehicle_telemetry", "clickstream")]
    public string Dataset { get; set; } = "";

    /// <summary>Bytes of record data (before base64) in one invocation.</summary>
    public long InputBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var records = SampleRecords.For(Dataset, RecordsPerInvocation);
        InputBytes = records.Sum(r => (long)r.Length);
        var invocation = new FirehoseTransformationEvent(
            "benchmark",
            $"arn:aws:firehose:us-east-1:000000000000:deliverystream/pipeline-bench-{Dataset}",
            "us-east-1",
            records.Select((r, i) => new FirehoseTransformationRecord($"r{i}", 1_767_225_600_000 + i, Convert.ToBase64String(r))).ToArray());
        _invocation = JsonSerializer.SerializeToUtf8Bytes(invocation, AwsEventsJson.Context.FirehoseTransformationEvent);
        _handler = new TransformationHandler(new FirehoseRecordTransformer(DatasetCatalog.BuiltIn()), NullLogger<TransformationHandler>.Instance);
        var typed = new TransformationHandler(new FirehoseRecordTransformer(DatasetCatalog.BuiltIn()), NullLogger<TransformationHandler>.Instance);
        _typed = TypedHandler.Wrap(typed.HandleAsync, AwsEventsJson.Context.FirehoseTransformationEvent, AwsEventsJson.Context.FirehoseTransformationResponse);
    }

    /// <summary>The function's path: event bytes to response bytes without a string or object per record.</summary>
    [Benchmark]
    public int Transform() => _handler.HandleUtf8Async(_invocation, Context, CancellationToken.None).GetAwaiter().GetResult().Length;

    /// <summary>The same invocation the typed way (deserialise, transform, serialise), for comparison only.</summary>
    public int TransformTyped() => _typed(_invocation, Context, CancellationToken.None).GetAwaiter().GetResult().Length;
}
