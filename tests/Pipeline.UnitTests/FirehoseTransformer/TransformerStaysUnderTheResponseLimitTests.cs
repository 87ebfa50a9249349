using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer.Transformation;

namespace Pipeline.UnitTests.FirehoseTransformer;

/// <summary>Large records and batches: every record answered, and the response never over Lambda's 6 MB.</summary>
public sealed class TransformerStaysUnderTheResponseLimitTests
{
    private const int SixMegabytes = 6 * 1024 * 1024;
    private readonly FirehoseRecordTransformer _transformer = new(DatasetCatalog.BuiltIn());

    [Fact]
    public void A_valid_1000_KiB_record_is_transformed()
    {
        var record = RecordOfSize(1000 * 1024);
        Assert.Equal(1000 * 1024, record.Length);

        var answer = Assert.Single(_transformer.Transform(FirehoseEvents.For(FirehoseEvents.VehicleStream, record)).Response.Records);

        Assert.Equal(FirehoseRecordResult.Ok, answer.Result);
        Assert.InRange(((string?)FirehoseEvents.DecodeJson(answer)["notes"])!.Length, 1000 * 1024 - 1024, 1000 * 1024);
    }

    [Fact]
    public void A_batch_whose_response_would_pass_6_MB_is_cut_to_fit_and_every_record_is_answered()
    {
        // Six records of 1,000 KiB fit in Firehose's 6 MB request, but normalising them (ingest_time, longer
        // timestamps) pushes the response over Lambda's limit.
        var records = Enumerable.Range(0, 6).Select(_ => RecordOfSize(1000 * 1024)).ToArray();
        var input = FirehoseEvents.For(FirehoseEvents.VehicleStream, records);

        var outcome = _transformer.Transform(input);
        var (response, bytes) = FirehoseEvents.RoundTrip(outcome.Response);

        Assert.True(bytes <= SixMegabytes, $"response is {bytes} bytes");
        Assert.Equal(bytes, outcome.ResponseBytes);
        FirehoseEvents.AssertAnswersEachRecordOnce(input, response);
        Assert.Contains(response.Records, r => r.Result == FirehoseRecordResult.Ok);
        var cut = response.Records.Where(r => r.Result == FirehoseRecordResult.ProcessingFailed).ToArray();
        Assert.NotEmpty(cut);
        Assert.All(outcome.Failures, f => Assert.Contains("6,291,456-byte limit", f.Reason));
    }

    [Fact]
    public void Many_small_records_near_the_limit_are_all_answered_within_it()
    {
        var fixture = FirehoseEvents.Fixture("clickstream-valid.json");
        var count = SixMegabytes / (fixture.Length * 4 / 3);
        var input = FirehoseEvents.For(FirehoseEvents.ClickstreamStream, Enumerable.Repeat(fixture, count).ToArray());

        var outcome = _transformer.Transform(input);
        var (response, bytes) = FirehoseEvents.RoundTrip(outcome.Response);

        Assert.True(bytes <= SixMegabytes, $"response is {bytes} bytes");
        Assert.Equal(bytes, outcome.ResponseBytes);
        FirehoseEvents.AssertAnswersEachRecordOnce(input, response);
    }

    [Fact]
    public void A_tiny_limit_still_answers_every_record()
    {
        var fixture = FirehoseEvents.Fixture("vehicle_telemetry-valid.json");
        var input = FirehoseEvents.For(FirehoseEvents.VehicleStream, fixture, fixture, fixture);
        var transformer = new FirehoseRecordTransformer(DatasetCatalog.BuiltIn(), maxResponseBytes: 2000);

        var outcome = transformer.Transform(input);
        var (response, bytes) = FirehoseEvents.RoundTrip(outcome.Response);

        Assert.True(bytes <= 2000, $"response is {bytes} bytes");
        FirehoseEvents.AssertAnswersEachRecordOnce(input, response);
        Assert.Equal(FirehoseRecordResult.Ok, response.Records[0].Result);
        Assert.Equal(FirehoseRecordResult.ProcessingFailed, response.Records[2].Result);
    }

    private static byte[] RecordOfSize(int size)
    {
        var record = FirehoseEvents.FixtureObject("vehicle_telemetry-valid.json");
        record["notes"] = "";
        var padding = size - FirehoseEvents.Bytes(record).Length;
        record["notes"] = new string('n', padding);
        return Encoding.UTF8.GetBytes(record.ToJsonString());
    }
}
