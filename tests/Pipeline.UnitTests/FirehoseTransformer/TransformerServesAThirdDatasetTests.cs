using Pipeline.Contracts.Aws.Firehose;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer.Transformation;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.FirehoseTransformer;

/// <summary>A dataset added by configuration alone is validated and partitioned with no new code.</summary>
public sealed class TransformerServesAThirdDatasetTests
{
    private const string Stream = "arn:aws:firehose:us-east-1:000000000000:deliverystream/pipeline-test-sensor_readings";
    private readonly FirehoseRecordTransformer _transformer = new(DatasetCatalog.FromFile(ReferenceFiles.Fixture("firehose", "third-dataset.json")));

    [Fact]
    public void Valid_records_are_normalised_with_their_partition_key()
    {
        var input = FirehoseEvents.For(Stream, """{"event_id":"e1","event_time":"2026-05-01T12:00:00+02:00","sensor":"Humidity","reading":41.5,"samples":3}"""u8.ToArray());

        var record = Assert.Single(_transformer.Transform(input).Response.Records);

        Assert.Equal(FirehoseRecordResult.Ok, record.Result);
        var json = FirehoseEvents.DecodeJson(record);
        Assert.Equal("2026-05-01T10:00:00.000Z", (string?)json["event_time"]);
        Assert.Equal("humidity", record.Metadata!.PartitionKeys["sensor"]);
    }

    [Theory]
    [InlineData("""{"event_id":"e1","event_time":"2026-05-01T12:00:00Z","sensor":"pressure","reading":1}""", "not one of temperature, humidity")]
    [InlineData("""{"event_id":"e1","event_time":"2026-05-01T12:00:00Z","sensor":"humidity","reading":1,"samples":2.5}""", "'samples' must be a 32-bit integer")]
    [InlineData("""{"event_id":"e1","event_time":"2026-05-01T12:00:00Z","sensor":"humidity","reading":1,"samples":0}""", "below the minimum 1")]
    public void Its_rules_apply(string json, string reason)
    {
        var outcome = _transformer.Transform(FirehoseEvents.For(Stream, System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Equal(FirehoseRecordResult.ProcessingFailed, Assert.Single(outcome.Response.Records).Result);
        Assert.Contains(reason, Assert.Single(outcome.Failures).Reason);
    }
}
