using Pipeline.IntegrationTests.LocalCloud.Cli;
namespace Pipeline.IntegrationTests.LocalCloud.Firehose;

/// <summary>
/// The AWS CLI against LocalCloud's Firehose: out-of-limit requests come back as the errors AWS returns. AWS
/// validates a request before it looks up the stream, and so does LocalCloud, so these need no bucket or stream.
/// </summary>
public sealed class FirehoseCliRejectionTests : IClassFixture<LocalCloudFixture>
{
    private readonly LocalCloudFixture _cloud;

    public FirehoseCliRejectionTests(LocalCloudFixture cloud) => _cloud = cloud;

    [AwsCliFact]
    public async Task A_batch_of_501_records_is_ValidationException()
    {
        var cli = _cloud.Cli;
        var records = cli.File("501.json", "[" + string.Join(",", Enumerable.Repeat("""{"Data":"x"}""", 501)) + "]");

        var result = await cli.RunAsync("firehose", "put-record-batch", "--delivery-stream-name", "any-stream", "--records", records);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("ValidationException", result.ErrorCode);
        Assert.Contains("at 'records' failed to satisfy constraint: Member must have length less than or equal to 500", result.Stderr, StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task A_batch_over_4_MiB_is_InvalidArgumentException()
    {
        var cli = _cloud.Cli;
        var megabyte = new string('x', 1_000_000);
        var records = cli.File("5mb.json", "[" + string.Join(",", Enumerable.Repeat($$"""{"Data":"{{megabyte}}"}""", 5)) + "]");

        var result = await cli.RunAsync("firehose", "put-record-batch", "--delivery-stream-name", "any-stream", "--records", records);

        Assert.Equal("InvalidArgumentException", result.ErrorCode);
        Assert.Contains("Records size exceeds 4 MB limit", result.Stderr, StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task A_record_over_1000_KiB_is_ValidationException()
    {
        var cli = _cloud.Cli;
        var record = cli.File("big-record.json", $$"""{"Data":"{{new string('x', 1_024_001)}}"}""");

        var single = await cli.RunAsync("firehose", "put-record", "--delivery-stream-name", "any-stream", "--record", record);
        var batch = await cli.RunAsync("firehose", "put-record-batch", "--delivery-stream-name", "any-stream", "--records", cli.File("big-batch.json", $$"""[{"Data":"x"},{"Data":"{{new string('x', 1_024_001)}}"}]"""));

        Assert.Equal("ValidationException", single.ErrorCode);
        Assert.Contains("at 'record.data' failed to satisfy constraint: Member must have length less than or equal to 1024000", single.Stderr, StringComparison.Ordinal);
        Assert.Equal("ValidationException", batch.ErrorCode);
        Assert.Contains("at 'records.2.member.data' failed to satisfy constraint: Member must have length less than or equal to 1024000", batch.Stderr, StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task A_timestamp_prefix_without_an_error_prefix_is_refused_at_creation()
    {
        var result = await _cloud.Cli.RunAsync(
            "firehose",
            "create-delivery-stream",
            "--delivery-stream-name",
            "no-error-prefix",
            "--extended-s3-destination-configuration",
            """{"RoleARN":"arn:aws:iam::000000000000:role/firehose","BucketARN":"arn:aws:s3:::any-bucket","Prefix":"raw/year=!{timestamp:yyyy}/"}""");

        Assert.Equal("InvalidArgumentException", result.ErrorCode);
        Assert.Contains("ErrorOutputPrefix cannot be null or empty when Prefix contains expressions", result.Stderr, StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task An_unknown_stream_is_ResourceNotFoundException()
    {
        var result = await _cloud.Cli.RunAsync("firehose", "describe-delivery-stream", "--delivery-stream-name", "no-such-stream");

        Assert.Equal("ResourceNotFoundException", result.ErrorCode);
        Assert.Contains("Firehose no-such-stream under account 000000000000 not found.", result.Stderr, StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task An_operation_LocalCloud_does_not_serve_is_UnknownOperationException()
    {
        var result = await _cloud.Cli.RunAsync("firehose", "list-tags-for-delivery-stream", "--delivery-stream-name", "any-stream");

        Assert.Equal("UnknownOperationException", result.ErrorCode);
        Assert.DoesNotContain("Traceback", result.Stderr, StringComparison.Ordinal);
    }
}
