using System.Text;
using Pipeline.AwsShapes.Firehose;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.LocalCloud.Firehose.Api;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Delivery;

/// <summary>
/// With dynamic partitioning, records are grouped by their partition keys into one object per partition; records
/// without their keys, and partitions beyond the 500th, go to the error output.
/// </summary>
public sealed class DynamicPartitioningTests
{
    private static readonly DynamicPartitioningConfiguration Enabled = new() { Enabled = true };

    [Fact]
    public async Task Lambda_partition_keys_group_records_into_one_object_per_partition()
    {
        await using var bed = new FirehoseTestBed(FakeFunctionInvoker.Transforming(text => text + "\n", text => new Dictionary<string, string> { ["event_date"] = text[..10] }));
        await bed.CreateAsync("s", Destination(prefix: "raw/event_date=!{partitionKeyFromLambda:event_date}/", sizeInMBs: 64, dynamicPartitioning: Enabled, processing: Lambda()));
        await bed.PutAsync("s", "2024-01-01 a", "2024-01-02 b", "2024-01-01 c");

        var counts = await bed.Service.FlushAsync("s");

        Assert.Equal((3, 2), (counts.Delivered, counts.Objects));
        var objects = bed.Store.Objects;
        // Rule 1 appends the hourly timestamp: the prefix has none of its own.
        Assert.Equal(["raw/event_date=2024-01-01/2018/08/27/10/", "raw/event_date=2024-01-02/2018/08/27/10/"], objects.Select(o => o.Key[..o.Key.IndexOf("s-1-", StringComparison.Ordinal)]));
        Assert.Equal("2024-01-01 a\n2024-01-01 c\n", ObjectText.Of(objects[0]));
        Assert.Equal("2024-01-02 b\n", ObjectText.Of(objects[1]));
    }

    [Fact]
    public async Task A_record_without_its_partition_key_goes_to_the_error_output()
    {
        await using var bed = new FirehoseTestBed(FakeFunctionInvoker.Transforming(text => text, text => text == "keyless" ? null : new Dictionary<string, string> { ["k"] = "v" }));
        await bed.CreateAsync("s", Destination(prefix: "raw/k=!{partitionKeyFromLambda:k}/", sizeInMBs: 64, dynamicPartitioning: Enabled, processing: Lambda()));
        await bed.PutAsync("s", "keyed", "keyless");

        var counts = await bed.Service.FlushAsync("s");

        Assert.Equal((1, 1), (counts.Delivered, counts.Failed));
        var line = Assert.Single(Transformation.ErrorLines.In(bed.Store));
        Assert.Equal(("DynamicPartitioning.MetadataExtractionFailed", "keyless"), (Transformation.ErrorLines.Code(line), Transformation.ErrorLines.Raw(line)));
        Assert.Contains("metadata.partitionKeys.k", line.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partitions_beyond_the_500th_go_to_the_error_output()
    {
        await using var bed = new FirehoseTestBed(FakeFunctionInvoker.Transforming(text => text, text => new Dictionary<string, string> { ["id"] = text }));
        await bed.CreateAsync("s", Destination(prefix: "raw/id=!{partitionKeyFromLambda:id}/", sizeInMBs: 64, dynamicPartitioning: Enabled, processing: Lambda()));
        await bed.PutAsync("s", Enumerable.Range(0, 502).Select(i => i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).Append("0001").ToArray());

        var counts = await bed.Service.FlushAsync("s");

        // 500 partitions (the repeated "0001" joins its partition), and two records of the 501st and 502nd.
        Assert.Equal((501, 2, 501), (counts.Delivered, counts.Failed, counts.Objects));
        var lines = Transformation.ErrorLines.In(bed.Store);
        Assert.Equal(["0500", "0501"], lines.Select(Transformation.ErrorLines.Raw));
        Assert.All(lines, line => Assert.Equal("DynamicPartitioning.ActivePartitionsLimitExceeded", Transformation.ErrorLines.Code(line)));
    }

    [Fact]
    public async Task Query_keys_are_read_from_simple_paths_and_failures_are_explained()
    {
        await using var bed = new FirehoseTestBed();
        var processing = new ProcessingConfiguration
        {
            Enabled = true,
            Processors =
            [
                new Processor { Type = "MetadataExtraction", Parameters = [new ProcessorParameter { ParameterName = "MetadataExtractionQuery", ParameterValue = "{customer_id:.customer.id,device:.device}" }, new ProcessorParameter { ParameterName = "JsonParsingEngine", ParameterValue = "JQ-1.6" }] },
                new Processor { Type = "AppendDelimiterToRecord", Parameters = [] },
            ],
        };
        await bed.CreateAsync("s", Destination(
            prefix: "c=!{partitionKeyFromQuery:customer_id}/d=!{partitionKeyFromQuery:device}/",
            errorPrefix: "errors/!{firehose:error-output-type}/",
            sizeInMBs: 64,
            dynamicPartitioning: Enabled,
            processing: processing));
        await bed.PutAsync("s", """{"customer":{"id":42},"device":"mobile"}""", """{"customer":{},"device":"mobile"}""", "not json");

        var counts = await bed.Service.FlushAsync("s");

        Assert.Equal((1, 2), (counts.Delivered, counts.Failed));
        var data = bed.Store.Objects.Single(o => o.Key.StartsWith("c=", StringComparison.Ordinal));
        Assert.StartsWith("c=42/d=mobile/2018/08/27/10/s-1-", data.Key, StringComparison.Ordinal);
        Assert.Equal("{\"customer\":{\"id\":42},\"device\":\"mobile\"}\n", ObjectText.Of(data));
        var lines = Transformation.ErrorLines.In(bed.Store, "errors/metadata-extraction-failed/");
        Assert.Equal(2, lines.Count);
        Assert.Contains("missing from the record", lines[0].GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal("Non JSON record provided", lines[1].GetProperty("errorMessage").GetString());
        Assert.False(lines[0].TryGetProperty("lambdaArn", out _));
    }

    [Fact]
    public async Task A_jq_query_LocalCloud_cannot_evaluate_sends_records_to_the_error_output_saying_so()
    {
        await using var bed = new FirehoseTestBed();
        var processing = new ProcessingConfiguration
        {
            Enabled = true,
            Processors = [new Processor { Type = "MetadataExtraction", Parameters = [new ProcessorParameter { ParameterName = "MetadataExtractionQuery", ParameterValue = "{year:.ts| strftime(\"%Y\")}" }] }],
        };
        await bed.CreateAsync("s", Destination(prefix: "y=!{partitionKeyFromQuery:year}/", sizeInMBs: 64, dynamicPartitioning: Enabled, processing: processing));
        await bed.PutAsync("s", """{"ts":1}""");

        await bed.Service.FlushAsync("s");

        var line = Assert.Single(Transformation.ErrorLines.In(bed.Store));
        Assert.Contains("LocalCloud evaluates only MetadataExtractionQuery objects of simple paths", line.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_dynamic_partitioning_one_delivery_is_one_object()
    {
        await using var bed = new FirehoseTestBed(FakeFunctionInvoker.Transforming(text => text, text => new Dictionary<string, string> { ["k"] = text }));
        await bed.CreateAsync("s", Destination(processing: Lambda()));
        await bed.PutAsync("s", "a", "b", "c");

        Assert.Equal(1, (await bed.Service.FlushAsync("s")).Objects);
        Assert.Equal("abc", Encoding.UTF8.GetString(ObjectText.Bytes(Assert.Single(bed.Store.Objects))));
    }
}
