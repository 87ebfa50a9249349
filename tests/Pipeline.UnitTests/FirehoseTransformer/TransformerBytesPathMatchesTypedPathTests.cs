using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer;
using Pipeline.FirehoseTransformer.Transformation;
using Pipeline.Generator.Data;
using Pipeline.LambdaRuntime;

namespace Pipeline.UnitTests.FirehoseTransformer;

/// <summary>
/// The function's bytes path (event bytes in, response bytes out, no string per record) answers every event exactly
/// as the typed path (deserialise, transform, serialise) does: the same response bytes, the same failures and
/// reasons, the same status alerts, and for an event it cannot read, the same error.
/// </summary>
public sealed class TransformerBytesPathMatchesTypedPathTests
{
    private static readonly DatasetCatalog Catalog = DatasetCatalog.BuiltIn();
    private static readonly LambdaContext Context = new() { AwsRequestId = "bytes-path", Deadline = DateTimeOffset.MaxValue };

    public static TheoryData<string> Datasets => ["vehicle_telemetry", "clickstream"];

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Generated_and_mutated_records_get_the_same_answers_byte_for_byte(string dataset)
    {
        var random = new Random(16);
        var records = Generated(dataset, 400).SelectMany(r => new[] { r, Mutate(r, random) }).ToList();
        records.Add([]);
        records.Add("   "u8.ToArray());
        records.Add([0xff, 0xfe, (byte)'{']);

        foreach (var batch in records.Chunk(100))
        {
            var invocation = Event(Stream(dataset), batch.Select((r, i) => new FirehoseTransformationRecord($"id-{i}/{random.Next()}", 1_767_225_600_000 + i, Convert.ToBase64String(r))).ToArray());
            AssertSameOutcome(invocation);
        }
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Records_past_the_response_limit_fail_alike(string dataset)
    {
        var records = Generated(dataset, 60);
        var invocation = Event(Stream(dataset), records.Select((r, i) => new FirehoseTransformationRecord($"r{i}", 1_767_225_600_000, Convert.ToBase64String(r))).ToArray());

        foreach (var limit in new[] { 300, 2_000, 9_000, 20_000 })
        {
            var failures = AssertSameOutcome(invocation, limit);
            Assert.Contains(failures, f => f.Reason.Contains("limit", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Unusual_base64_ids_and_times_are_read_alike()
    {
        var valid = Convert.ToBase64String(Generated("vehicle_telemetry", 1)[0]);
        var random = new Random(7);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
        var data = new List<string> { "", "QQ==", "QR==", "QUI=", "QUJ=", "QUJD", "Q", "QQ", "QQ=", "=", "====", "QQ==QQ==", " QUJD ", "QU JD", "é", valid + " ", valid[..^1] };
        for (var i = 0; i < 200; i++)
        {
            data.Add(new string(Enumerable.Range(0, random.Next(0, 13)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
        }

        var records = data.Select((d, i) => new FirehoseTransformationRecord(i % 3 == 0 ? $"~!<&>'+{i}" : $"r{i}", i switch
        {
            1 => long.MaxValue,
            2 => long.MinValue,
            3 => -1,
            _ => 1_767_225_600_000,
        }, d)).ToArray();

        var invocation = Event(Stream("vehicle_telemetry"), records);
        AssertSameOutcome(invocation);
        AssertSameOutcome(invocation with { DeliveryStreamArn = "arn:aws:firehose:us-east-1:000000000000:deliverystream/not-a-dataset" });
    }

    [Theory]
    [InlineData("""{"invocationId":"i","deliveryStreamArn":"pipeline-local-vehicle_telemetry","region":"r","records":[]}""", true)]
    [InlineData("""{"records":[{"recordId":"a","approximateArrivalTimestamp":1,"data":"e30="}],"deliveryStreamArn":"pipeline-local-clickstream"}""", true)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","extra":{"a":[1,{"b":null}]},"records":[{"recordId":"a","data":"e30=","more":[true],"kinesisRecordMetadata":{"shardId":"s","partitionKey":null,"other":1}}],"sourceKinesisStreamArn":null}""", true)]
    [InlineData("""  {"deliveryStreamArn":"pipeline-local-clickstream","records":[{"recordId":"a","approximateArrivalTimestamp":1,"data":"e30="}]}  """, true)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[{"recordId":"a\u0062","approximateArrivalTimestamp":1,"data":"e30="}]}""", false)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[{"recordId":"é","approximateArrivalTimestamp":1,"data":"e30="}]}""", false)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[{"recordId":"a","approximateArrivalTimestamp":1,"data":"e3\/0="}]}""", false)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[{"recordId":"a","approximateArrivalTimestamp":1,"data":"e30=\n"}]}""", false)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[{"recordId":"a","approximateArrivalTimestamp":1,"data":null}]}""", false)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[{"recordId":"a","approximateArrivalTimestamp":1}]}""", false)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[{"recordId":"a","data":"e30="}]}""", true)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[{"recordId":"a","approximateArrivalTimestamp":1.5,"data":"e30="}]}""", false)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[{"recordId":"a","approximateArrivalTimestamp":"1","data":"e30="}]}""", false)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[{"recordId":"a","recordId":"b","approximateArrivalTimestamp":1,"data":"e30="}]}""", false)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[{"recordId":"a","approximateArrivalTimestamp":1,"data":"e30=","kinesisRecordMetadata":{"shardId":5}}]}""", false)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[null]}""", false)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":null}""", false)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream"}""", false)]
    [InlineData("""{"records":[]}""", false)]
    [InlineData("""{"deliveryStreamArn":null,"records":[]}""", false)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[],"region":5}""", false)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[]} x""", false)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[{"recordId":"a","data":"e30="},]}""", false)]
    [InlineData("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[{"recordId":"a","data":"e30=""", false)]
    [InlineData("""{"delivery\u0053treamArn":"pipeline-local-clickstream","records":[]}""", false)]
    [InlineData("""[]""", false)]
    [InlineData("""null""", false)]
    [InlineData("", false)]
    public void Hand_written_events_are_answered_or_refused_alike(string json, bool bytesPath)
    {
        var body = Encoding.UTF8.GetBytes(json);
        Assert.Equal(bytesPath, FirehoseEventReader.TryRead(body, out var batch));
        batch?.Dispose();

        var (typed, typedError) = Run(TypedFunction(), body);
        var (bytes, bytesError) = Run(BytesFunction(), body);

        Assert.Equal(typedError?.GetType(), bytesError?.GetType());
        Assert.Equal(typedError?.Message, bytesError?.Message);
        Assert.Equal(Encoding.UTF8.GetString(typed), Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Invalid_utf8_in_the_event_is_refused_alike()
    {
        var json = Encoding.UTF8.GetBytes("""{"deliveryStreamArn":"pipeline-local-clickstream","records":[{"recordId":"a","approximateArrivalTimestamp":1,"data":"e30=X"}]}""");
        foreach (var bad in new byte[] { 0xff, 0xc3, 0x80 })
        {
            var body = json.ToArray();
            body[Array.IndexOf(body, (byte)'X')] = bad;
            var (typed, typedError) = Run(TypedFunction(), body);
            var (bytes, bytesError) = Run(BytesFunction(), body);
            Assert.Equal(typedError?.GetType(), bytesError?.GetType());
            Assert.Equal(typedError?.Message, bytesError?.Message);
            Assert.Equal(typed, bytes);
        }
    }

    private static IReadOnlyList<RecordFailure> AssertSameOutcome(FirehoseTransformationEvent invocation, int maxResponseBytes = 6 * 1024 * 1024)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(invocation, AwsEventsJson.Context.FirehoseTransformationEvent);
        var typed = new FirehoseRecordTransformer(Catalog, maxResponseBytes).Transform(invocation);
        var expected = JsonSerializer.SerializeToUtf8Bytes(typed.Response, AwsEventsJson.Context.FirehoseTransformationResponse);

        // The bytes path must read these events itself: a fallback to the typed path would prove nothing.
        Assert.True(FirehoseEventReader.TryRead(body, out var batch));
        using (batch)
        {
            var output = new ArrayBufferWriter<byte>();
            var outcome = new FirehoseRecordTransformer(Catalog, maxResponseBytes).Transform(batch!, output);

            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(output.WrittenSpan));
            Assert.Equal(expected.Length, outcome.ResponseBytes);
            Assert.Equal(typed.ResponseBytes, outcome.ResponseBytes);
            Assert.Equal(invocation.Records.Count, outcome.Records);
            Assert.Equal(typed.Failures, outcome.Failures);
            Assert.Equal(Describe(typed.StatusAlerts), Describe(outcome.StatusAlerts));
            Assert.Equal(
                typed.Response.Records.Select(r => r.RecordId),
                invocation.Records.Select(r => r.RecordId));
        }

        // And the function's entry point answers with the same bytes.
        var (answered, error) = Run(BytesFunction(maxResponseBytes), body);
        Assert.Null(error);
        Assert.Equal(expected, answered);
        return typed.Failures;
    }

    private static string? Describe(StatusAlertCounts? counts) =>
        counts is null ? null : $"{counts.Dataset} {counts.Total}: {string.Join(", ", counts.Counts)}";

    private static Func<ReadOnlyMemory<byte>, LambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>> TypedFunction() =>
        TypedHandler.Wrap(
            new TransformationHandler(new FirehoseRecordTransformer(Catalog), NullLogger<TransformationHandler>.Instance).HandleAsync,
            AwsEventsJson.Context.FirehoseTransformationEvent,
            AwsEventsJson.Context.FirehoseTransformationResponse);

    private static Func<ReadOnlyMemory<byte>, LambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>> BytesFunction(int maxResponseBytes = 6 * 1024 * 1024) =>
        new TransformationHandler(new FirehoseRecordTransformer(Catalog, maxResponseBytes), NullLogger<TransformationHandler>.Instance).HandleUtf8Async;

    private static (byte[] Response, Exception? Error) Run(Func<ReadOnlyMemory<byte>, LambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>> function, byte[] body)
    {
        try
        {
            return (function(body, Context, CancellationToken.None).GetAwaiter().GetResult().ToArray(), null);
        }
        catch (Exception e)
        {
            return ([], e);
        }
    }

    private static FirehoseTransformationEvent Event(string stream, FirehoseTransformationRecord[] records) =>
        new("bytes-path", stream, "us-east-1", records);

    private static string Stream(string dataset) => $"arn:aws:firehose:us-east-1:000000000000:deliverystream/pipeline-test-{dataset}";

    private static byte[][] Generated(string dataset, int count)
    {
        var source = new RecordSource(Catalog.Get(dataset), new RecordSourceOptions { Seed = 42, Rate = 1000 });
        var buffer = new ArrayBufferWriter<byte>(4096);
        var records = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            buffer.ResetWrittenCount();
            source.WriteNext(buffer);
            records[i] = buffer.WrittenSpan.TrimEnd((byte)'\n').ToArray();
        }

        return records;
    }

    // One of the ways producers get records wrong, chosen at random: the transformer's answer is whatever it is on
    // both paths.
    private static byte[] Mutate(byte[] record, Random random)
    {
        var text = Encoding.UTF8.GetString(record);
        var at = random.Next(1, record.Length - 1);
        return random.Next(12) switch
        {
            0 => record[..at],
            1 => [.. record[..at], (byte)random.Next(256), .. record[(at + 1)..]],
            2 => Encoding.UTF8.GetBytes(text.Replace("\"", " \"", StringComparison.Ordinal)),
            3 => Encoding.UTF8.GetBytes(text.ToUpperInvariant()),
            4 => Encoding.UTF8.GetBytes(text.Replace(":\"", ":\"\\u00e9\\n ", StringComparison.Ordinal)),
            5 => Encoding.UTF8.GetBytes(text.TrimEnd('}') + ",\"extra\":[1,2,{\"a\":null}],\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"}"),
            6 => Encoding.UTF8.GetBytes(text.Replace("\"event_time\"", "\"event_tim\"", StringComparison.Ordinal)),
            7 => Encoding.UTF8.GetBytes(text + " x"),
            8 => Encoding.UTF8.GetBytes("[" + text + "]"),
            9 => Encoding.UTF8.GetBytes(text.Replace("1", "1e3", StringComparison.Ordinal)),
            10 => Encoding.UTF8.GetBytes(text.Replace("+00:00", "+02:30", StringComparison.Ordinal).Replace("\"OK\"", "\"Warn\"", StringComparison.Ordinal)),
            _ => Encoding.UTF8.GetBytes("{\"vendor\":\"Ünïcödé\"," + text[1..]),
        };
    }
}
