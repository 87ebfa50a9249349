using System.Text;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Transformation;

/// <summary>
/// A transformation response is checked record by record: every record id answered exactly once, a known result,
/// base64 data. A record whose answer breaks the contract goes to the error output with AWS's code; the others
/// are delivered.
/// </summary>
public sealed class ResponseValidationTests : IAsyncLifetime
{
    private FirehoseTestBed _bed = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_record_the_function_did_not_answer_is_Lambda_MissingRecordId()
    {
        await Run((e, _) => FakeFunctionInvoker.Respond([Ok(e.Records[0], "ONE")]), "one", "two");

        Assert.Equal("ONE", Delivered());
        var line = Assert.Single(ErrorLines.In(_bed.Store));
        Assert.Equal(("Lambda.MissingRecordId", "two"), (ErrorLines.Code(line), ErrorLines.Raw(line)));
        Assert.Equal("One or more record Ids were not returned. Ensure that the Lambda function returns all received record Ids.", line.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task A_record_answered_twice_is_Lambda_DuplicatedRecordId()
    {
        await Run((e, _) => FakeFunctionInvoker.Respond([Ok(e.Records[0], "ONE"), Ok(e.Records[0], "AGAIN"), Ok(e.Records[1], "TWO")]), "one", "two");

        Assert.Equal("TWO", Delivered());
        var line = Assert.Single(ErrorLines.In(_bed.Store));
        Assert.Equal(("Lambda.DuplicatedRecordId", "one"), (ErrorLines.Code(line), ErrorLines.Raw(line)));
    }

    [Fact]
    public async Task An_answer_under_an_unknown_id_does_not_stand_in_for_the_missing_one()
    {
        await Run((e, _) => FakeFunctionInvoker.Respond([Ok(e.Records[0], "ONE"), new FirehoseTransformedRecord("made-up", FirehoseRecordResult.Ok, B64("?"))]), "one", "two");

        Assert.Equal("ONE", Delivered());
        Assert.Equal(["Lambda.MissingRecordId"], ErrorLines.In(_bed.Store).Select(ErrorLines.Code));
    }

    [Fact]
    public async Task A_result_outside_the_status_model_is_Lambda_JsonProcessingException()
    {
        await Run((e, _) => FakeFunctionInvoker.Raw($$"""{"records":[{"recordId":"{{e.Records[0].RecordId}}","result":"Okay","data":"{{B64("x")}}"},{"recordId":"{{e.Records[1].RecordId}}","result":"Ok","data":"{{B64("TWO")}}"}]}"""), "one", "two");

        Assert.Equal("TWO", Delivered());
        var line = Assert.Single(ErrorLines.In(_bed.Store));
        Assert.Equal(("Lambda.JsonProcessingException", "one"), (ErrorLines.Code(line), ErrorLines.Raw(line)));
        Assert.Contains("the result 'Okay' is not Ok, Dropped or ProcessingFailed", line.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_that_is_not_base64_is_Lambda_JsonProcessingException()
    {
        await Run((e, _) => FakeFunctionInvoker.Raw($$"""{"records":[{"recordId":"{{e.Records[0].RecordId}}","result":"Ok","data":"not base64!"}]}"""), "one");

        var line = Assert.Single(ErrorLines.In(_bed.Store));
        Assert.Equal("Lambda.JsonProcessingException", ErrorLines.Code(line));
        Assert.Contains("not valid base64", line.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Empty(DataObjects());
    }

    [Fact]
    public async Task An_Ok_record_without_data_fails()
    {
        await Run((e, _) => FakeFunctionInvoker.Raw($$"""{"records":[{"recordId":"{{e.Records[0].RecordId}}","result":"Ok"}]}"""), "one");

        Assert.Contains("has no data", Assert.Single(ErrorLines.In(_bed.Store)).GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"recordz\":[]}")]
    public async Task A_response_that_is_not_a_records_object_fails_the_whole_batch(string response)
    {
        await Run((_, _) => FakeFunctionInvoker.Raw(response), "one", "two");

        Assert.Equal(["Lambda.JsonProcessingException", "Lambda.JsonProcessingException"], ErrorLines.In(_bed.Store).Select(ErrorLines.Code));
        Assert.Empty(DataObjects());
    }

    [Fact]
    public async Task ProcessingFailed_goes_to_the_error_output_with_the_original_data_and_Dropped_goes_nowhere()
    {
        var counts = await Run(
            (e, _) => FakeFunctionInvoker.Respond(
            [
                Ok(e.Records[0], "ONE"),
                new FirehoseTransformedRecord(e.Records[1].RecordId, FirehoseRecordResult.ProcessingFailed, B64("transformed, but failed")),
                new FirehoseTransformedRecord(e.Records[2].RecordId, FirehoseRecordResult.Dropped, B64("")),
            ]),
            "one",
            "two",
            "three");

        Assert.Equal((3, 1, 1, 1), (counts.Records, counts.Delivered, counts.Failed, counts.Dropped));
        Assert.Equal("ONE", Delivered());
        var line = Assert.Single(ErrorLines.In(_bed.Store));
        Assert.Equal(("Lambda.ProcessingFailedStatus", "two"), (ErrorLines.Code(line), ErrorLines.Raw(line)));
        Assert.Equal("ProcessingFailed status set for record", line.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task The_event_carries_the_record_ids_PutRecordBatch_returned_and_the_arrival_times()
    {
        _bed = new FirehoseTestBed();
        await _bed.CreateAsync("s", Destination(processing: Lambda()));
        var ids = await _bed.PutAsync("s", "one", "two");

        await _bed.Service.FlushAsync("s");

        var (function, invocation, _) = Assert.Single(((FakeFunctionInvoker)_bed.Functions).Invocations);
        Assert.Equal(LambdaArn, function);
        Assert.Equal("arn:aws:firehose:us-east-1:000000000000:deliverystream/s", invocation.DeliveryStreamArn);
        Assert.Equal("us-east-1", invocation.Region);
        Assert.Equal(ids, invocation.Records.Select(r => r.RecordId));
        Assert.All(invocation.Records, r => Assert.Equal(Start.ToUnixTimeMilliseconds(), r.ApproximateArrivalTimestamp));
        Assert.Equal(["one", "two"], invocation.Records.Select(r => Encoding.UTF8.GetString(Convert.FromBase64String(r.Data))));
        Assert.Matches("^[0-9]{56}$", ids[0]);
    }

    private async Task<Pipeline.LocalCloud.Firehose.FlushResult> Run(Func<FirehoseTransformationEvent, int, Pipeline.LocalCloud.Lambda.FunctionInvocationResult> function, params string[] records)
    {
        _bed = new FirehoseTestBed(new FakeFunctionInvoker(function));
        await _bed.CreateAsync("s", Destination(processing: Lambda()));
        await _bed.PutAsync("s", records);
        return await _bed.Service.FlushAsync("s");
    }

    private string Delivered() => string.Concat(DataObjects().Select(ObjectText.Of));

    private IEnumerable<StoredObjectCopy> DataObjects() => _bed.Store.Objects.Where(o => o.Key.StartsWith("raw/", StringComparison.Ordinal));

    private static FirehoseTransformedRecord Ok(FirehoseTransformationRecord record, string data) =>
        new(record.RecordId, FirehoseRecordResult.Ok, B64(data));

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
