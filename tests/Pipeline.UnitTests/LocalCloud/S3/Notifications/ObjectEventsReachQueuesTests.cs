using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.S3.Notifications;
using Pipeline.LocalCloud.Sqs;
using Pipeline.LocalCloud.Storage;
using Pipeline.UnitTests.LocalCloud.S3.Fakes;
using Pipeline.UnitTests.LocalCloud.Sqs.Fakes;

namespace Pipeline.UnitTests.LocalCloud.S3.Notifications;

/// <summary>
/// Writes and deletes in the object store, whoever makes them (the S3 API, Firehose, an engine), send one record per
/// matching configuration to its queue before the write returns; a vanished queue loses the event without failing the write.
/// </summary>
public sealed class ObjectEventsReachQueuesTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly SqsTestBed _sqs = new();
    private readonly FileObjectStore _objects;
    private readonly NotificationConfigurationStore _configurations;
    private readonly S3EventNotifier _notifier;

    public ObjectEventsReachQueuesTests()
    {
        _objects = new FileObjectStore(Path.Combine(_directory.Path, "s3"), _sqs.Time);
        _configurations = new NotificationConfigurationStore(Path.Combine(_directory.Path, "notifications"));
        _notifier = new S3EventNotifier(_objects, _configurations, new LocalCloudOptions(), _sqs.Time, NullLogger<S3EventNotifier>.Instance, _sqs.Store);
        _notifier.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _objects.CreateBucketAsync("lake").GetAwaiter().GetResult();
        _sqs.Store.Create("raw-events", null);
        _sqs.Store.Create("deletions", null);
        _configurations.Set("lake", new BucketNotificationConfiguration(
        [
            new QueueNotification("raw", "arn:aws:sqs:us-east-1:000000000000:raw-events", ["s3:ObjectCreated:*"], "raw/", null),
            new QueueNotification("gone", "arn:aws:sqs:us-east-1:000000000000:deletions", ["s3:ObjectRemoved:*"], null, null),
        ]));
    }

    [Theory]
    [InlineData("ObjectCreated:Put")]
    [InlineData("ObjectCreated:Copy")]
    [InlineData("ObjectCreated:CompleteMultipartUpload")]
    public async Task A_write_under_the_prefix_sends_its_record_before_returning(string eventName)
    {
        var key = "raw/clickstream/year=2026/part 1.json";
        await PutAsync(key, "{}", eventName);

        var body = Assert.Single(await _sqs.ReceiveNowAsync("raw-events")).Body;
        using var message = JsonDocument.Parse(body);
        var record = message.RootElement.GetProperty("Records")[0];
        Assert.Equal(eventName, record.GetProperty("eventName").GetString());
        Assert.Equal("raw", record.GetProperty("s3").GetProperty("configurationId").GetString());
        Assert.Equal("raw/clickstream/year%3D2026/part+1.json", record.GetProperty("s3").GetProperty("object").GetProperty("key").GetString());
        Assert.Equal(2, record.GetProperty("s3").GetProperty("object").GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task A_write_outside_every_filter_sends_nothing()
    {
        await PutAsync("stage/clickstream/a.parquet", "x");

        Assert.Empty(await _sqs.ReceiveNowAsync("raw-events"));
        Assert.Empty(await _sqs.ReceiveNowAsync("deletions"));
    }

    [Fact]
    public async Task A_delete_sends_an_object_removed_record()
    {
        await PutAsync("stage/a.parquet", "x");

        Assert.True(await _objects.DeleteObjectAsync("lake", "stage/a.parquet"));

        using var message = JsonDocument.Parse(Assert.Single(await _sqs.ReceiveNowAsync("deletions")).Body);
        Assert.Equal("ObjectRemoved:Delete", message.RootElement.GetProperty("Records")[0].GetProperty("eventName").GetString());
    }

    [Fact]
    public async Task A_deleted_destination_queue_loses_the_event_but_not_the_object()
    {
        _sqs.Store.Delete("raw-events");

        var info = await PutAsync("raw/a.json", "{}");

        Assert.Equal(2, info.Size);
        Assert.NotNull(await _objects.GetObjectInfoAsync("lake", "raw/a.json"));
    }

    [Fact]
    public async Task Later_events_of_a_key_have_greater_sequencers()
    {
        await PutAsync("raw/a.json", "1");
        await PutAsync("raw/a.json", "22");

        var sequencers = (await _sqs.ReceiveNowAsync("raw-events"))
            .Select(m => JsonDocument.Parse(m.Body).RootElement.GetProperty("Records")[0].GetProperty("s3").GetProperty("object").GetProperty("sequencer").GetString()!)
            .ToList();

        Assert.Equal(2, sequencers.Count);
        Assert.True(string.CompareOrdinal(sequencers[0], sequencers[1]) < 0, string.Join(" ", sequencers));
    }

    [Fact]
    public void The_configuration_survives_a_restart()
    {
        var reopened = new NotificationConfigurationStore(Path.Combine(_directory.Path, "notifications"));

        Assert.Equal(
            _configurations.Get("lake").QueueConfigurations.Select(q => q.Id),
            reopened.Get("lake").QueueConfigurations.Select(q => q.Id));
    }

    public void Dispose()
    {
        _notifier.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _objects.Dispose();
        _directory.Dispose();
    }

    private async Task<ObjectInfo> PutAsync(string key, string content, string eventName = "ObjectCreated:Put")
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return await _objects.PutObjectAsync("lake", key, stream, new ObjectWriteOptions(EventName: eventName));
    }
}
