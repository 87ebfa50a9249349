using System.Text;
using System.Text.Json;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer.Transformation;
using Pipeline.LocalCloud.Lambda;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using Pipeline.UnitTests.Support;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Transformation;

/// <summary>The pipeline's own transformer logic behind the invoker: valid records land under the raw prefix, invalid ones under the error prefix.</summary>
public sealed class PipelineTransformerTests
{
    [Fact]
    public async Task Vehicle_telemetry_is_normalised_into_raw_and_bad_records_go_to_processing_failed()
    {
        var transformer = new FirehoseRecordTransformer(DatasetCatalog.BuiltIn());
        var function = new FakeFunctionInvoker((invocation, _) => new FunctionInvocationResult(
            JsonSerializer.SerializeToUtf8Bytes(transformer.Transform(invocation).Response, AwsEventsJson.Context.FirehoseTransformationResponse),
            null));
        await using var bed = new FirehoseTestBed(function);
        const string stream = "pipeline-local-vehicle_telemetry";
        await bed.CreateAsync(stream, Destination(
            prefix: "raw/vehicle_telemetry/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/",
            errorPrefix: "errors/vehicle_telemetry/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/",
            sizeInMBs: 1,
            intervalInSeconds: 5,
            compression: "GZIP",
            processing: Lambda(("BufferSizeInMBs", "1"), ("BufferIntervalInSeconds", "60"))));
        var valid = await File.ReadAllTextAsync(ReferenceFiles.Fixture("firehose", "vehicle_telemetry-valid.json"));
        await bed.PutAsync(stream, valid, "{\"not\":\"a vehicle\"}");

        var counts = await bed.Service.FlushAsync(stream);

        Assert.Equal((2, 1, 1), (counts.Records, counts.Delivered, counts.Failed));
        var raw = bed.Store.Objects.Single(o => o.Key.StartsWith("raw/vehicle_telemetry/year=2018/month=08/day=27/hour=10/pipeline-local-vehicle_telemetry-1-", StringComparison.Ordinal));
        Assert.EndsWith(".gz", raw.Key, StringComparison.Ordinal);
        var delivered = ObjectText.Of(raw);
        Assert.EndsWith("\n", delivered, StringComparison.Ordinal);
        Assert.Equal(JsonDocument.Parse(valid).RootElement.GetProperty("event_id").GetString(), JsonDocument.Parse(delivered).RootElement.GetProperty("event_id").GetString());
        var line = Assert.Single(ErrorLines.In(bed.Store, "errors/vehicle_telemetry/processing-failed/year=2018/month=08/day=27/hour=10/"));
        Assert.Equal(("Lambda.ProcessingFailedStatus", "{\"not\":\"a vehicle\"}"), (ErrorLines.Code(line), ErrorLines.Raw(line)));
        Assert.Equal(Encoding.UTF8.GetBytes("{\"not\":\"a vehicle\"}"), line.GetProperty("rawData").GetBytesFromBase64());
    }
}
