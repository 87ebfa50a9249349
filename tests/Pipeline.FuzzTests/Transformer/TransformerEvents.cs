using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer;
using Pipeline.FirehoseTransformer.Transformation;
using Pipeline.FuzzTests.Support;
using Pipeline.LambdaRuntime;

namespace Pipeline.FuzzTests.Transformer;

/// <summary>Builds transformation events and checks Firehose's contract on what the function answers.</summary>
internal static class TransformerEvents
{
    public static readonly DatasetCatalog Catalog = DatasetCatalog.BuiltIn();

    public static readonly DatasetDefinition[] Datasets = [.. Catalog.All.OrderBy(d => d.Name, StringComparer.Ordinal)];

    public static readonly DateTimeOffset Arrival = new(2026, 3, 14, 10, 0, 0, 123, TimeSpan.Zero);

    private static readonly LambdaContext Context = new() { AwsRequestId = "fuzz", Deadline = DateTimeOffset.MaxValue };

    public static string StreamArn(string dataset) => $"arn:aws:firehose:us-east-1:000000000000:deliverystream/pipeline-fuzz-{dataset}";

    public static FirehoseTransformationEvent Event(string stream, IReadOnlyList<byte[]> records, long? arrival = null) =>
        new("fuzz-invocation", stream, "us-east-1", records.Select((data, i) => new FirehoseTransformationRecord(
            $"4954698668313554428650745793632167567570019247115678515{i}", arrival ?? Arrival.ToUnixTimeMilliseconds(), Convert.ToBase64String(data))).ToArray());

    /// <summary>
    /// Runs the handler (decode, trace links, transform) and the transformer on the same event and checks every rule
    /// of the contract; returns the outcome for further checks.
    /// </summary>
    public static TransformationOutcome Check(FirehoseTransformationEvent input, int maxResponseBytes = 6 * 1024 * 1024)
    {
        var (response, outcome) = Bounded.Run(() =>
        {
            var handler = new TransformationHandler(new FirehoseRecordTransformer(Catalog, maxResponseBytes), NullLogger<TransformationHandler>.Instance);
            var answered = handler.HandleAsync(input, Context, CancellationToken.None).GetAwaiter().GetResult();
            return (answered, new FirehoseRecordTransformer(Catalog, maxResponseBytes).Transform(input));
        });

        // One answer per record, in order, with its record id.
        Assert.Equal(input.Records.Select(r => r.RecordId), response.Records.Select(r => r.RecordId));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(response, AwsEventsJson.Context.FirehoseTransformationResponse);
        Assert.Equal(bytes, JsonSerializer.SerializeToUtf8Bytes(outcome.Response, AwsEventsJson.Context.FirehoseTransformationResponse));

        // The size the transformer computed is the size it returns, and within the limit.
        Assert.Equal(bytes.Length, outcome.ResponseBytes);
        Assert.True(bytes.Length <= maxResponseBytes, $"the response is {bytes.Length} bytes, over the {maxResponseBytes}-byte limit");

        var dataset = Catalog.TryGetByStream(input.DeliveryStreamArn, out var found) ? found : null;
        var failures = outcome.Failures.GetEnumerator();
        for (var i = 0; i < response.Records.Count; i++)
        {
            var answer = response.Records[i];
            var original = input.Records[i];
            switch (answer.Result)
            {
                case FirehoseRecordResult.ProcessingFailed:
                    Assert.True(failures.MoveNext(), $"record {i} failed without a reason");
                    Assert.Equal(original.RecordId, failures.Current.RecordId);
                    Assert.False(string.IsNullOrWhiteSpace(failures.Current.Reason));
                    // The original bytes go back unchanged, except where there are none to return (not base64) or
                    // returning them would break the response limit; Firehose keeps its own copy for the error output.
                    if (answer.Data != original.Data)
                    {
                        Assert.Equal("", answer.Data);
                        Assert.True(
                            failures.Current.Reason.Contains("base64", StringComparison.Ordinal) || failures.Current.Reason.Contains("limit", StringComparison.Ordinal),
                            $"record {i} lost its bytes: {failures.Current.Reason}");
                    }

                    break;
                case FirehoseRecordResult.Ok:
                    Assert.NotNull(dataset);
                    CheckOk(dataset, answer, original);
                    break;
                default:
                    Assert.Fail($"record {i} answered {answer.Result}; the transformer only answers Ok or ProcessingFailed");
                    break;
            }
        }

        Assert.False(failures.MoveNext(), "more failure reasons than failed records");
        return outcome;
    }

    /// <summary>An Ok record is one line of JSON that passes the rules again unchanged, with its partition keys.</summary>
    private static void CheckOk(DatasetDefinition dataset, FirehoseTransformedRecord answer, FirehoseTransformationRecord original)
    {
        var data = Convert.FromBase64String(answer.Data);
        Assert.Equal((byte)'\n', data[^1]);
        Assert.Equal(1, data.Count(b => b == (byte)'\n'));
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(data);
        Assert.IsType<JsonObject>(JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 }));

        var again = new RecordNormalizer(dataset).Normalize(data, DateTimeOffset.FromUnixTimeMilliseconds(original.ApproximateArrivalTimestamp));
        Assert.True(again.Succeeded, $"an Ok record fails its own rules: {again.Error}\n{text}");
        Assert.Equal(answer.Data, again.Base64Data);

        var keys = answer.Metadata?.PartitionKeys ?? new Dictionary<string, string>();
        Assert.Equal(dataset.LambdaPartitionKeys.Select(k => k.Name).Order(StringComparer.Ordinal), keys.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((again.PartitionKeys ?? new Dictionary<string, string>()).OrderBy(k => k.Key, StringComparer.Ordinal), keys.OrderBy(k => k.Key, StringComparer.Ordinal));
    }
}
