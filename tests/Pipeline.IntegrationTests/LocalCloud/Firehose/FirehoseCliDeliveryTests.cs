using Pipeline.IntegrationTests.LocalCloud.Cli;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.LocalCloud.Firehose;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.IntegrationTests.LocalCloud.Firehose;

/// <summary>
/// The AWS CLI creates a stream and puts records; LocalCloud delivers them into its object store, also across a
/// restart. Needs LocalCloud's S3 object store (<see cref="IObjectStore"/>), which these tests use directly for the
/// bucket and the objects.
/// </summary>
public sealed partial class FirehoseCliDeliveryTests : IClassFixture<LocalCloudFixture>
{
    private const string Role = "arn:aws:iam::000000000000:role/firehose";

    private readonly LocalCloudFixture _cloud;

    public FirehoseCliDeliveryTests(LocalCloudFixture cloud) => _cloud = cloud;

    [AwsCliFact]
    public async Task Records_put_with_the_CLI_are_delivered_gzipped_under_the_evaluated_prefix()
    {
        var store = _cloud.App.Services.GetRequiredService<IObjectStore>();
        await store.CreateBucketAsync("deliveries");
        var cli = _cloud.Cli;

        var created = await cli.RunAsync(
            "firehose", "create-delivery-stream", "--delivery-stream-name", "clicks",
            "--extended-s3-destination-configuration",
            """{"RoleARN":"arn:aws:iam::000000000000:role/firehose","BucketARN":"arn:aws:s3:::deliveries","Prefix":"raw/clicks/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/","ErrorOutputPrefix":"errors/clicks/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/","BufferingHints":{"SizeInMBs":1,"IntervalInSeconds":300},"CompressionFormat":"GZIP"}""");
        var described = await cli.RunAsync("firehose", "describe-delivery-stream", "--delivery-stream-name", "clicks");
        var batch = await cli.RunAsync("firehose", "put-record-batch", "--delivery-stream-name", "clicks", "--records", cli.File("batch.json", """[{"Data":"{\"n\":1}\n"},{"Data":"{\"n\":2}\n"},{"Data":"{\"n\":3}\n"}]"""));
        var single = await cli.RunAsync("firehose", "put-record", "--delivery-stream-name", "clicks", "--record", """{"Data":"{\"n\":4}\n"}""");

        Assert.Equal(0, created.ExitCode);
        Assert.Equal("arn:aws:firehose:us-east-1:000000000000:deliverystream/clicks", created.Json.GetProperty("DeliveryStreamARN").GetString());
        var description = described.Json.GetProperty("DeliveryStreamDescription");
        Assert.Equal("ACTIVE", description.GetProperty("DeliveryStreamStatus").GetString());
        Assert.Equal("GZIP", description.GetProperty("Destinations")[0].GetProperty("ExtendedS3DestinationDescription").GetProperty("CompressionFormat").GetString());
        Assert.Equal(0, batch.Json.GetProperty("FailedPutCount").GetInt32());
        Assert.Equal(3, batch.Json.GetProperty("RequestResponses").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(single.Json.GetProperty("RecordId").GetString()));

        var flushed = await _cloud.App.Services.GetRequiredService<IFirehoseDeliveryControl>().FlushAsync("clicks");

        Assert.Equal((4, 4, 1), (flushed.Records, flushed.Delivered, flushed.Objects));
        var stored = Assert.Single(await store.ListObjectsAsync("deliveries", "raw/clicks/", null, 100));
        Assert.Matches(DeliveredKey(), stored.Key);
        Assert.Equal("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n{\"n\":4}\n", await ReadGzipAsync(store, "deliveries", stored.Key));
    }

    [AwsCliFact]
    public async Task Records_accepted_before_a_restart_are_delivered_after_it_exactly_once()
    {
        var cloud = new LocalCloudFixture();
        await cloud.InitializeAsync();
        try
        {
            await cloud.App.Services.GetRequiredService<IObjectStore>().CreateBucketAsync("durable");
            await cloud.Cli.RunAsync(
                "firehose", "create-delivery-stream", "--delivery-stream-name", "durable",
                "--extended-s3-destination-configuration",
                $$$"""{"RoleARN":"{{{Role}}}","BucketARN":"arn:aws:s3:::durable","Prefix":"raw/","BufferingHints":{"SizeInMBs":128,"IntervalInSeconds":900}}""");
            var put = await cloud.Cli.RunAsync("firehose", "put-record-batch", "--delivery-stream-name", "durable", "--records", cloud.Cli.File("durable.json", """[{"Data":"a\n"},{"Data":"b\n"}]"""));
            Assert.Equal(0, put.ExitCode);

            await cloud.RestartAsync();
            var described = await cloud.Cli.RunAsync("firehose", "describe-delivery-stream", "--delivery-stream-name", "durable");
            var control = cloud.App.Services.GetRequiredService<IFirehoseDeliveryControl>();
            await control.FlushAsync();
            await control.FlushAsync();

            Assert.Equal(0, described.ExitCode);
            var store = cloud.App.Services.GetRequiredService<IObjectStore>();
            var stored = Assert.Single(await store.ListObjectsAsync("durable", "raw/", null, 100));
            using var content = (await store.OpenReadAsync("durable", stored.Key))!;
            using var reader = new StreamReader(content);
            Assert.Equal("a\nb\n", await reader.ReadToEndAsync());
        }
        finally
        {
            await cloud.DisposeAsync();
        }
    }

    [AwsCliFact]
    public async Task Streams_are_listed_and_deleted_with_the_CLI()
    {
        await _cloud.App.Services.GetRequiredService<IObjectStore>().CreateBucketAsync("listing");
        foreach (var name in new[] { "list-b", "list-a" })
        {
            var created = await _cloud.Cli.RunAsync(
                "firehose", "create-delivery-stream", "--delivery-stream-name", name,
                "--s3-destination-configuration", $$"""{"RoleARN":"{{Role}}","BucketARN":"arn:aws:s3:::listing"}""");
            Assert.Equal(0, created.ExitCode);
        }

        var listed = await _cloud.Cli.RunAsync("firehose", "list-delivery-streams", "--exclusive-start-delivery-stream-name", "list-");
        var deleted = await _cloud.Cli.RunAsync("firehose", "delete-delivery-stream", "--delivery-stream-name", "list-a");
        var again = await _cloud.Cli.RunAsync("firehose", "delete-delivery-stream", "--delivery-stream-name", "list-a");

        var names = listed.Json.GetProperty("DeliveryStreamNames").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal(["list-a", "list-b"], names.Where(n => n!.StartsWith("list-", StringComparison.Ordinal)));
        Assert.Equal(0, deleted.ExitCode);
        Assert.Equal("ResourceNotFoundException", again.ErrorCode);
    }

    private static async Task<string> ReadGzipAsync(IObjectStore store, string bucket, string key)
    {
        using var content = (await store.OpenReadAsync(bucket, key))!;
        using var gzip = new GZipStream(content, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [GeneratedRegex(@"^raw/clicks/year=\d{4}/month=\d{2}/day=\d{2}/hour=\d{2}/clicks-1-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-[0-9a-f-]{36}\.gz$")]
    private static partial Regex DeliveredKey();
}
