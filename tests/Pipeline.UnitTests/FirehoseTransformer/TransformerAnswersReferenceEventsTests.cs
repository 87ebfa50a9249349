using System.Text.Json;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer.Transformation;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.FirehoseTransformer;

/// <summary>The official sample events are read and answered per the contract.</summary>
public sealed class TransformerAnswersReferenceEventsTests
{
    public static TheoryData<string> TransformationEvents() =>
        new(ReferenceFiles.Files("events", "firehose-transform-event*.json").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(TransformationEvents))]
    public void Every_record_of_a_sample_event_is_answered_once(string file)
    {
        var input = Read(file);
        var transformer = new FirehoseRecordTransformer(DatasetCatalog.BuiltIn());

        var outcome = transformer.Transform(input);
        var (response, _) = FirehoseEvents.RoundTrip(outcome.Response);

        FirehoseEvents.AssertAnswersEachRecordOnce(input, response);

        // The samples' streams belong to no dataset and hold plain text: failed, kept for the error prefix, with a reason.
        Assert.All(response.Records, r => Assert.Equal(FirehoseRecordResult.ProcessingFailed, r.Result));
        Assert.Equal(input.Records.Select(r => r.Data), response.Records.Select(r => r.Data));
        Assert.Equal(input.Records.Count, outcome.Failures.Count);
    }

    [Theory]
    [MemberData(nameof(TransformationEvents))]
    public void Sample_records_are_normalised_when_sent_to_a_dataset_stream(string file)
    {
        var sample = Read(file);
        var valid = Convert.ToBase64String(FirehoseEvents.Fixture("vehicle_telemetry-valid.json"));
        var input = sample with
        {
            DeliveryStreamArn = FirehoseEvents.VehicleStream,
            Records = sample.Records.Select(r => r with { Data = valid }).ToArray(),
        };

        var (response, _) = FirehoseEvents.RoundTrip(new FirehoseRecordTransformer(DatasetCatalog.BuiltIn()).Transform(input).Response);

        FirehoseEvents.AssertAnswersEachRecordOnce(input, response);
        Assert.All(response.Records, r => Assert.Equal(FirehoseRecordResult.Ok, r.Result));
    }

    [Fact]
    public void The_sample_response_reads_into_the_response_contract_and_writes_back_the_same()
    {
        var json = File.ReadAllText(ReferenceFiles.Path("events", "firehose-transform-response.json"));

        var response = JsonSerializer.Deserialize(json, AwsEventsJson.Context.FirehoseTransformationResponse)!;
        var written = JsonSerializer.Serialize(response, AwsEventsJson.Context.FirehoseTransformationResponse);

        var record = Assert.Single(response.Records);
        Assert.Equal(FirehoseRecordResult.Ok, record.Result);
        Assert.Equal("iamValue2", record.Metadata!.PartitionKeys["iamKey2"]);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(json).RootElement, JsonDocument.Parse(written).RootElement));
    }

    private static FirehoseTransformationEvent Read(string file) =>
        JsonSerializer.Deserialize(File.ReadAllText(ReferenceFiles.Path("events", file)), AwsEventsJson.Context.FirehoseTransformationEvent)!;
}
