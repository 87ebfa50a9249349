using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.LocalCloud.Lambda;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Fakes;

/// <summary>A transformation Lambda in process: the test's handler gets each invocation's event and its call number.</summary>
internal sealed class FakeFunctionInvoker(Func<FirehoseTransformationEvent, int, FunctionInvocationResult> handler) : IFunctionInvoker
{
    private readonly ConcurrentQueue<(string Function, FirehoseTransformationEvent Event, int PayloadBytes)> _invocations = new();
    private int _calls;

    public IReadOnlyList<(string Function, FirehoseTransformationEvent Event, int PayloadBytes)> Invocations => _invocations.ToArray();

    /// <summary>Answers every record Ok with <paramref name="transform"/> applied to its data.</summary>
    public static FakeFunctionInvoker Transforming(Func<string, string> transform, Func<string, IReadOnlyDictionary<string, string>?>? partitionKeys = null) =>
        new((invocation, _) => Respond(invocation.Records.Select(r =>
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(r.Data));
            var keys = partitionKeys?.Invoke(text);
            return new FirehoseTransformedRecord(
                r.RecordId,
                FirehoseRecordResult.Ok,
                Convert.ToBase64String(Encoding.UTF8.GetBytes(transform(text))),
                keys is null ? null : new FirehoseRecordMetadata(keys));
        })));

    public static FunctionInvocationResult Respond(IEnumerable<FirehoseTransformedRecord> records) =>
        new(JsonSerializer.SerializeToUtf8Bytes(new FirehoseTransformationResponse(records.ToArray()), AwsEventsJson.Context.FirehoseTransformationResponse), null);

    public static FunctionInvocationResult Raw(string json) => new(Encoding.UTF8.GetBytes(json), null);

    public static FunctionInvocationResult Error(string type, string message) =>
        new(Encoding.UTF8.GetBytes($$"""{"errorType":"{{type}}","errorMessage":"{{message}}"}"""), "Unhandled");

    public Task<FunctionInvocationResult> InvokeAsync(string functionNameOrArn, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        var invocation = JsonSerializer.Deserialize(payload.Span, AwsEventsJson.Context.FirehoseTransformationEvent)!;
        _invocations.Enqueue((functionNameOrArn, invocation, payload.Length));
        return Task.FromResult(handler(invocation, Interlocked.Increment(ref _calls)));
    }
}
