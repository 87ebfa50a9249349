using System.Text;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Api;

/// <summary>PutRecord and PutRecordBatch enforce AWS's limits with AWS's errors, on an existing stream.</summary>
public sealed class PutRecordLimitsTests : IAsyncLifetime
{
    private readonly FirehoseTestBed _bed = new();
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        await _bed.CreateAsync("s", Destination());
        _api = new ApiClient(_bed.Service);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task More_than_500_records_is_ValidationException()
    {
        var response = await _api.CallAsync("PutRecordBatch", Batch("s", Enumerable.Repeat(1, 501)));

        Assert.Equal((400, "ValidationException"), (response.Status, response.ErrorType));
        Assert.StartsWith("1 validation error detected: Value '[Record(Data=java.nio.HeapByteBuffer[pos=0 lim=1 cap=1]), ", response.Message, StringComparison.Ordinal);
        Assert.EndsWith("' at 'records' failed to satisfy constraint: Member must have length less than or equal to 500", response.Message, StringComparison.Ordinal);
        Assert.Equal(0, _bed.Service.Get("s").BufferedRecords);
    }

    [Fact]
    public async Task Exactly_500_records_are_accepted()
    {
        var response = await _api.CallAsync("PutRecordBatch", Batch("s", Enumerable.Repeat(1, 500)));

        Assert.Equal(200, response.Status);
        Assert.Equal(500, response.Body.GetProperty("RequestResponses").GetArrayLength());
    }

    [Fact]
    public async Task A_record_over_1000_KiB_is_ValidationException_naming_it()
    {
        var response = await _api.CallAsync("PutRecordBatch", Batch("s", [10, 1_024_001, 1_024_000]));

        Assert.Equal((400, "ValidationException"), (response.Status, response.ErrorType));
        Assert.Equal(
            "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=1024001 cap=1024001]' at 'records.2.member.data' failed to satisfy constraint: Member must have length less than or equal to 1024000",
            response.Message);
    }

    [Fact]
    public async Task A_single_record_over_1000_KiB_is_ValidationException_too()
    {
        var response = await _api.CallAsync("PutRecord", $$$"""{"DeliveryStreamName":"s","Record":{"Data":"{{{Convert.ToBase64String(new byte[1_024_001])}}}"}}""");

        Assert.Equal((400, "ValidationException"), (response.Status, response.ErrorType));
        Assert.Contains("at 'record.data' failed to satisfy constraint: Member must have length less than or equal to 1024000", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_4_MiB_in_a_batch_is_InvalidArgumentException()
    {
        var response = await _api.CallAsync("PutRecordBatch", Batch("s", [1_000_000, 1_000_000, 1_000_000, 1_000_000, 194_305]));

        Assert.Equal((400, "InvalidArgumentException"), (response.Status, response.ErrorType));
        Assert.Equal("Records size exceeds 4 MB limit", response.Message);
        Assert.Equal(0, _bed.Service.Get("s").BufferedRecords);
    }

    [Fact]
    public async Task Exactly_4_MiB_in_a_batch_is_accepted()
    {
        var response = await _api.CallAsync("PutRecordBatch", Batch("s", [1_000_000, 1_000_000, 1_000_000, 1_000_000, 194_304]));

        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task Limits_are_checked_before_the_stream_is_looked_up_as_AWS_validates_requests_first()
    {
        var response = await _api.CallAsync("PutRecordBatch", Batch("no-such-stream", Enumerable.Repeat(1, 501)));

        Assert.Equal("ValidationException", response.ErrorType);
    }

    [Fact]
    public async Task A_record_without_data_is_ValidationException_and_empty_data_is_accepted_as_the_model_allows()
    {
        var missing = await _api.CallAsync("PutRecord", """{"DeliveryStreamName":"s","Record":{}}""");
        var empty = await _api.CallAsync("PutRecord", """{"DeliveryStreamName":"s","Record":{"Data":""}}""");

        Assert.Equal("ValidationException", missing.ErrorType);
        Assert.Equal("1 validation error detected: Value null at 'record.data' failed to satisfy constraint: Member must not be null", missing.Message);

        // The model gives Data min length 0; AWS's request validation has no constraint an empty blob breaks.
        Assert.Equal(200, empty.Status);
    }

    [Fact]
    public async Task A_batch_answers_a_record_id_per_record_in_order()
    {
        var response = await _api.CallAsync("PutRecordBatch", Batch("s", [1, 2, 3]));

        Assert.Equal(200, response.Status);
        Assert.Equal("application/x-amz-json-1.1", response.ContentType);
        Assert.Equal(0, response.Body.GetProperty("FailedPutCount").GetInt32());
        Assert.False(response.Body.GetProperty("Encrypted").GetBoolean());
        var ids = response.Body.GetProperty("RequestResponses").EnumerateArray().Select(e => e.GetProperty("RecordId").GetString()!).ToArray();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(3, _bed.Service.Get("s").BufferedRecords);
    }

    [Fact]
    public async Task PutRecord_answers_its_record_id()
    {
        var response = await _api.CallAsync("PutRecord", $$$"""{"DeliveryStreamName":"s","Record":{"Data":"{{{Convert.ToBase64String("hello"u8)}}}"}}""");

        Assert.Equal(200, response.Status);
        Assert.Matches("^[0-9]{56}$", response.Body.GetProperty("RecordId").GetString());
        Assert.False(response.Body.GetProperty("Encrypted").GetBoolean());
    }

    private static string Batch(string stream, IEnumerable<int> sizes)
    {
        var json = new StringBuilder($$"""{"DeliveryStreamName":"{{stream}}","Records":[""");
        var first = true;
        foreach (var size in sizes)
        {
            json.Append(first ? string.Empty : ",").Append("{\"Data\":\"").Append(Convert.ToBase64String(new byte[size])).Append("\"}");
            first = false;
        }

        return json.Append("]}").ToString();
    }
}
