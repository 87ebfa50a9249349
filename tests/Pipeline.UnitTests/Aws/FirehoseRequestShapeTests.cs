using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Pipeline.AwsShapes.Firehose;
using Pipeline.Aws.Firehose;
using Pipeline.UnitTests.Aws.Fakes;
using Xunit;

namespace Pipeline.UnitTests.Aws;

/// <summary>What FirehoseClient puts on the wire: a signed JSON 1.1 POST with the operation in X-Amz-Target and records in base64.</summary>
public sealed class FirehoseRequestShapeTests
{
    private readonly AwsTestClients _aws = new();

    [Fact]
    public async Task PutRecordBatch_posts_signed_json_with_base64_records_and_reads_every_entry()
    {
        _aws.Handler.ThenJson(HttpStatusCode.OK, """
            {"FailedPutCount":1,"Encrypted":false,"RequestResponses":[
              {"RecordId":"id-1"},
              {"ErrorCode":"ServiceUnavailableException","ErrorMessage":"Slow down."}]}
            """, ("x-amzn-RequestId", "req-1"));

        var result = await _aws.Firehose().PutRecordBatchAsync("pipeline-local-clickstream", [Encoding.UTF8.GetBytes("{\"a\":1}\n"), new byte[] { 0, 255 }]);

        var request = _aws.Handler.Single;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://127.0.0.1:4566/", request.Uri.ToString());
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.Equal("Firehose_20150804.PutRecordBatch", request.Header("X-Amz-Target"));
        Assert.Equal("20250102T030405Z", request.Header("X-Amz-Date"));
        Assert.Equal("127.0.0.1:4566", request.Header("Host"));
        Assert.StartsWith(
            "AWS4-HMAC-SHA256 Credential=AKID/20250102/us-east-1/firehose/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=",
            request.Header("Authorization"),
            StringComparison.Ordinal);
        Assert.Equal(
            """{"DeliveryStreamName":"pipeline-local-clickstream","Records":[{"Data":"eyJhIjoxfQo="},{"Data":"AP8="}]}""",
            request.BodyText);

        Assert.Equal(1, result.FailedPutCount);
        Assert.False(result.Encrypted);
        Assert.Equal(
            [new PutRecordBatchResponseEntry { RecordId = "id-1", ErrorCode = null, ErrorMessage = null }, new PutRecordBatchResponseEntry { RecordId = null, ErrorCode = "ServiceUnavailableException", ErrorMessage = "Slow down." }],
            result.RequestResponses);
        Assert.True(result.RequestResponses![1].Failed);
    }

    [Fact]
    public async Task PutRecord_sends_one_base64_record_and_returns_its_id()
    {
        _aws.Handler.ThenJson(HttpStatusCode.OK, """{"RecordId":"rec-9","Encrypted":true}""");

        var result = await _aws.Firehose().PutRecordAsync("s", Encoding.UTF8.GetBytes("hi"));

        Assert.Equal("Firehose_20150804.PutRecord", _aws.Handler.Single.Header("X-Amz-Target"));
        Assert.Equal("""{"DeliveryStreamName":"s","Record":{"Data":"aGk="}}""", _aws.Handler.Single.BodyText);
        Assert.Equal(new PutRecordOutput { RecordId = "rec-9", Encrypted = true }, result);
    }

    [Fact]
    public async Task Session_credentials_add_a_signed_security_token()
    {
        _aws.Handler.ThenJson(HttpStatusCode.OK, """{"RecordId":"r"}""");
        var options = _aws.Options(credentials: new SessionAWSCredentials("ASIA", "SECRET", "TOKEN"));

        await _aws.Firehose(options).PutRecordAsync("s", new byte[] { 1 });

        Assert.Equal("TOKEN", _aws.Handler.Single.Header("X-Amz-Security-Token"));
        Assert.Contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,", _aws.Handler.Single.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateDeliveryStream_sends_the_s3_destination_and_omits_unset_members()
    {
        _aws.Handler.ThenJson(HttpStatusCode.OK, """{"DeliveryStreamARN":"arn:aws:firehose:us-east-1:123456789012:deliverystream/s"}""");

        var result = await _aws.Firehose().CreateDeliveryStreamAsync(new CreateDeliveryStreamInput
        {
            DeliveryStreamName = "s",
            ExtendedS3DestinationConfiguration = new ExtendedS3DestinationConfiguration
            {
                BucketARN = "arn:aws:s3:::b",
                RoleARN = "arn:aws:iam::123456789012:role/firehose",
                Prefix = "raw/clickstream/year=!{timestamp:yyyy}/",
                ErrorOutputPrefix = "errors/!{firehose:error-output-type}/",
                BufferingHints = new BufferingHints { SizeInMBs = 64, IntervalInSeconds = 60 },
                CompressionFormat = "GZIP",
                ProcessingConfiguration = new ProcessingConfiguration
                {
                    Enabled = true,
                    Processors = [new Processor { Type = "Lambda", Parameters = [new ProcessorParameter { ParameterName = "LambdaArn", ParameterValue = "arn:aws:lambda:us-east-1:123456789012:function:t" }] }],
                },
                DynamicPartitioningConfiguration = new DynamicPartitioningConfiguration { Enabled = true },
            },
        });

        Assert.Equal("Firehose_20150804.CreateDeliveryStream", _aws.Handler.Single.Header("X-Amz-Target"));
        using var body = JsonDocument.Parse(_aws.Handler.Single.Body);
        var destination = body.RootElement.GetProperty("ExtendedS3DestinationConfiguration");
        Assert.Equal("DirectPut", body.RootElement.GetProperty("DeliveryStreamType").GetString());
        Assert.Equal("arn:aws:s3:::b", destination.GetProperty("BucketARN").GetString());
        Assert.Equal(64, destination.GetProperty("BufferingHints").GetProperty("SizeInMBs").GetInt32());
        Assert.Equal("LambdaArn", destination.GetProperty("ProcessingConfiguration").GetProperty("Processors")[0].GetProperty("Parameters")[0].GetProperty("ParameterName").GetString());
        Assert.True(destination.GetProperty("DynamicPartitioningConfiguration").GetProperty("Enabled").GetBoolean());
        Assert.False(destination.TryGetProperty("FileExtension", out _));
        Assert.False(destination.GetProperty("DynamicPartitioningConfiguration").TryGetProperty("RetryOptions", out _));
        Assert.Equal("arn:aws:firehose:us-east-1:123456789012:deliverystream/s", result.DeliveryStreamARN);
    }

    [Fact]
    public async Task DescribeDeliveryStream_reads_epoch_timestamps_and_the_s3_destination()
    {
        _aws.Handler.ThenJson(HttpStatusCode.OK, """
            {"DeliveryStreamDescription":{"DeliveryStreamName":"s","DeliveryStreamARN":"arn:s","DeliveryStreamStatus":"ACTIVE",
             "DeliveryStreamType":"DirectPut","VersionId":"1","CreateTimestamp":1735787045.25,"HasMoreDestinations":false,
             "Destinations":[{"DestinationId":"destinationId-000000000001","ExtendedS3DestinationDescription":
               {"RoleARN":"arn:r","BucketARN":"arn:aws:s3:::b","Prefix":"raw/","BufferingHints":{"SizeInMBs":1,"IntervalInSeconds":60},
                "CompressionFormat":"GZIP","EncryptionConfiguration":{"NoEncryptionConfig":"NoEncryption"}}}]}}
            """);

        var description = await _aws.Firehose().DescribeDeliveryStreamAsync("s");

        Assert.Equal("""{"DeliveryStreamName":"s"}""", _aws.Handler.Single.BodyText);
        Assert.Equal("ACTIVE", description.DeliveryStreamStatus);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, 250, TimeSpan.Zero), description.CreateTimestamp);
        Assert.Null(description.LastUpdateTimestamp);
        var s3 = Assert.Single(description.Destinations!).ExtendedS3DestinationDescription!;
        Assert.Equal(("arn:aws:s3:::b", "raw/", 1, 60, "GZIP"), (s3.BucketARN, s3.Prefix, s3.BufferingHints!.SizeInMBs, s3.BufferingHints.IntervalInSeconds, s3.CompressionFormat));
    }

    [Fact]
    public async Task ListDeliveryStreams_and_DeleteDeliveryStream_send_only_what_was_asked()
    {
        _aws.Handler
            .ThenJson(HttpStatusCode.OK, """{"DeliveryStreamNames":["a","b"],"HasMoreDeliveryStreams":true}""")
            .ThenJson(HttpStatusCode.OK, "{}")
            .Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));

        var firehose = _aws.Firehose();
        var page = await firehose.ListDeliveryStreamsAsync(limit: 2);
        await firehose.DeleteDeliveryStreamAsync("a");
        await firehose.DeleteDeliveryStreamAsync("b", allowForceDelete: true);

        Assert.Equal(["a", "b"], page.DeliveryStreamNames);
        Assert.True(page.HasMoreDeliveryStreams);
        Assert.Equal(
            ["""{"Limit":2}""", """{"DeliveryStreamName":"a"}""", """{"DeliveryStreamName":"b","AllowForceDelete":true}"""],
            _aws.Handler.Requests.Select(r => r.BodyText));
        Assert.Equal("Firehose_20150804.DeleteDeliveryStream", _aws.Handler.Requests[2].Header("X-Amz-Target"));
    }
}
