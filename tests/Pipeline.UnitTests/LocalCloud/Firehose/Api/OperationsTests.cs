using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Api;

/// <summary>Describe, List and Delete answer AWS's shapes; unknown things answer AWS's errors.</summary>
public sealed class OperationsTests : IAsyncLifetime
{
    private readonly FirehoseTestBed _bed = new();
    private ApiClient _api = null!;

    public Task InitializeAsync()
    {
        _api = new ApiClient(_bed.Service);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task CreateDeliveryStream_over_the_wire_answers_the_ARN()
    {
        var response = await _api.CallAsync("CreateDeliveryStream", $$"""
            {"DeliveryStreamName":"clicks","DeliveryStreamType":"DirectPut","ExtendedS3DestinationConfiguration":{"RoleARN":"{{RoleArn}}","BucketARN":"{{BucketArn}}","Prefix":"raw/","BufferingHints":{"SizeInMBs":1,"IntervalInSeconds":5},"CompressionFormat":"GZIP"},"Tags":[{"Key":"a","Value":"b"}]}
            """);

        Assert.Equal(200, response.Status);
        Assert.Equal("arn:aws:firehose:us-east-1:000000000000:deliverystream/clicks", response.Body.GetProperty("DeliveryStreamARN").GetString());
    }

    [Fact]
    public async Task DescribeDeliveryStream_answers_the_destination_with_AWS_defaults()
    {
        await _bed.CreateAsync("clicks", Destination(prefix: "raw/", errorPrefix: null, sizeInMBs: null, intervalInSeconds: null, processing: Lambda(("NumberOfRetries", "2"))));

        var response = await _api.CallAsync("DescribeDeliveryStream", """{"DeliveryStreamName":"clicks"}""");

        var description = response.Body.GetProperty("DeliveryStreamDescription");
        Assert.Equal("clicks", description.GetProperty("DeliveryStreamName").GetString());
        Assert.Equal("ACTIVE", description.GetProperty("DeliveryStreamStatus").GetString());
        Assert.Equal("DirectPut", description.GetProperty("DeliveryStreamType").GetString());
        Assert.Equal("1", description.GetProperty("VersionId").GetString());
        Assert.Equal(Start.ToUnixTimeSeconds(), (long)description.GetProperty("CreateTimestamp").GetDouble());
        Assert.False(description.GetProperty("HasMoreDestinations").GetBoolean());
        var destination = Assert.Single(description.GetProperty("Destinations").EnumerateArray());
        Assert.Equal("destinationId-000000000001", destination.GetProperty("DestinationId").GetString());
        var extended = destination.GetProperty("ExtendedS3DestinationDescription");
        Assert.Equal(BucketArn, extended.GetProperty("BucketARN").GetString());
        Assert.Equal("raw/", extended.GetProperty("Prefix").GetString());
        Assert.False(extended.TryGetProperty("ErrorOutputPrefix", out _));
        Assert.Equal(5, extended.GetProperty("BufferingHints").GetProperty("SizeInMBs").GetInt32());
        Assert.Equal(300, extended.GetProperty("BufferingHints").GetProperty("IntervalInSeconds").GetInt32());
        Assert.Equal("UNCOMPRESSED", extended.GetProperty("CompressionFormat").GetString());
        Assert.Equal("NoEncryption", extended.GetProperty("EncryptionConfiguration").GetProperty("NoEncryptionConfig").GetString());
        Assert.Equal("Disabled", extended.GetProperty("S3BackupMode").GetString());
        Assert.Equal("Lambda", extended.GetProperty("ProcessingConfiguration").GetProperty("Processors")[0].GetProperty("Type").GetString());
        Assert.Equal(BucketArn, destination.GetProperty("S3DestinationDescription").GetProperty("BucketARN").GetString());
    }

    [Fact]
    public async Task ListDeliveryStreams_pages_in_name_order()
    {
        foreach (var name in new[] { "c", "a", "b" })
        {
            await _bed.CreateAsync(name, Destination());
        }

        var first = await _api.CallAsync("ListDeliveryStreams", """{"Limit":2}""");
        var rest = await _api.CallAsync("ListDeliveryStreams", """{"Limit":2,"ExclusiveStartDeliveryStreamName":"b"}""");
        var other = await _api.CallAsync("ListDeliveryStreams", """{"DeliveryStreamType":"KinesisStreamAsSource"}""");

        Assert.Equal(["a", "b"], first.Body.GetProperty("DeliveryStreamNames").EnumerateArray().Select(e => e.GetString()));
        Assert.True(first.Body.GetProperty("HasMoreDeliveryStreams").GetBoolean());
        Assert.Equal(["c"], rest.Body.GetProperty("DeliveryStreamNames").EnumerateArray().Select(e => e.GetString()));
        Assert.False(rest.Body.GetProperty("HasMoreDeliveryStreams").GetBoolean());
        Assert.Equal(0, other.Body.GetProperty("DeliveryStreamNames").GetArrayLength());
    }

    [Fact]
    public async Task DeleteDeliveryStream_delivers_what_was_accepted_then_deletes()
    {
        await _bed.CreateAsync("s", Destination(intervalInSeconds: 900));
        await _bed.PutAsync("s", "accepted");

        var response = await _api.CallAsync("DeleteDeliveryStream", """{"DeliveryStreamName":"s"}""");
        var describe = await _api.CallAsync("DescribeDeliveryStream", """{"DeliveryStreamName":"s"}""");

        Assert.Equal(200, response.Status);
        Assert.Equal("accepted", ObjectText.Of(Assert.Single(_bed.Store.Objects)));
        Assert.Equal("ResourceNotFoundException", describe.ErrorType);
        Assert.False(Directory.Exists(Path.Combine(_bed.DataDirectory, "firehose", "s")));
    }

    [Fact]
    public async Task A_stream_whose_records_cannot_be_delivered_is_kept_unless_force_deleted()
    {
        await _bed.CreateAsync("s", Destination());
        await _bed.PutAsync("s", "accepted");
        _bed.Store.FailAfterPuts = 0;

        var refused = await _api.CallAsync("DeleteDeliveryStream", """{"DeliveryStreamName":"s"}""");
        var stillThere = await _api.CallAsync("PutRecord", """{"DeliveryStreamName":"s","Record":{"Data":"eA=="}}""");
        var forced = await _api.CallAsync("DeleteDeliveryStream", """{"DeliveryStreamName":"s","AllowForceDelete":true}""");

        Assert.Equal("ResourceInUseException", refused.ErrorType);
        Assert.Equal(200, stillThere.Status);
        Assert.Equal(200, forced.Status);
        Assert.Equal("ResourceNotFoundException", (await _api.CallAsync("DescribeDeliveryStream", """{"DeliveryStreamName":"s"}""")).ErrorType);
    }

    [Fact]
    public async Task A_deleted_name_can_be_used_again_and_keys_do_not_collide_with_the_old_stream()
    {
        await _bed.CreateAsync("s", Destination());
        await _bed.PutAsync("s", "old");
        await _api.CallAsync("DeleteDeliveryStream", """{"DeliveryStreamName":"s"}""");
        _bed.Time.Advance(TimeSpan.FromSeconds(1));
        await _bed.CreateAsync("s", Destination());
        await _bed.PutAsync("s", "new");

        await _bed.Service.FlushAsync("s");

        Assert.Equal(2, _bed.Store.Objects.Count);
    }

    [Theory]
    [InlineData("PutRecord", """{"DeliveryStreamName":"nope","Record":{"Data":"eA=="}}""")]
    [InlineData("PutRecordBatch", """{"DeliveryStreamName":"nope","Records":[{"Data":"eA=="}]}""")]
    [InlineData("DescribeDeliveryStream", """{"DeliveryStreamName":"nope"}""")]
    [InlineData("DeleteDeliveryStream", """{"DeliveryStreamName":"nope"}""")]
    public async Task An_unknown_stream_is_ResourceNotFoundException(string operation, string json)
    {
        var response = await _api.CallAsync(operation, json);

        Assert.Equal((400, "ResourceNotFoundException"), (response.Status, response.ErrorType));
        Assert.Equal("Firehose nope under account 000000000000 not found.", response.Message);
    }

    [Theory]
    [InlineData("UpdateDestination")]
    [InlineData("TagDeliveryStream")]
    [InlineData("NoSuchThing")]
    public async Task Operations_LocalCloud_does_not_serve_are_UnknownOperationException(string operation)
    {
        var response = await _api.CallAsync(operation, "{}");

        Assert.Equal((400, "UnknownOperationException"), (response.Status, response.ErrorType));
    }

    [Theory]
    [InlineData("{\"DeliveryStreamName\":")]
    [InlineData("{\"DeliveryStreamName\":\"s\",\"Record\":{\"Data\":\"not base64!\"}}")]
    [InlineData("{\"DeliveryStreamName\":42}")]
    [InlineData("[]")]
    public async Task A_body_that_is_not_the_operation_s_JSON_is_SerializationException(string json)
    {
        var response = await _api.CallAsync("PutRecord", json);

        Assert.Equal((400, "SerializationException"), (response.Status, response.ErrorType));
    }

    [Fact]
    public async Task A_missing_stream_name_is_ValidationException()
    {
        var response = await _api.CallAsync("DescribeDeliveryStream", "{}");

        Assert.Equal("ValidationException", response.ErrorType);
        Assert.Equal("1 validation error detected: Value null at 'deliveryStreamName' failed to satisfy constraint: Member must not be null", response.Message);
    }
}
