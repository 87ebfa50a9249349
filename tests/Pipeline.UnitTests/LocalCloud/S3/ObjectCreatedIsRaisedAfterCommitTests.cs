using Pipeline.LocalCloud.Storage;
using Pipeline.UnitTests.LocalCloud.S3.Fakes;

namespace Pipeline.UnitTests.LocalCloud.S3;

/// <summary>ObjectCreated fires once per stored object, after it is readable, with S3's event name.</summary>
public sealed class ObjectCreatedIsRaisedAfterCommitTests : IDisposable
{
    private readonly TempDirectory _root = new();

    [Fact]
    public async Task Handlers_see_a_committed_object_and_a_failing_handler_does_not_fail_the_put()
    {
        using var store = new FileObjectStore(Path.Combine(_root.Path, "s3"), TimeProvider.System);
        await store.CreateBucketAsync("bucket");
        var seen = new List<(ObjectCreated Event, bool Readable)>();
        store.ObjectCreated += async (created, _) =>
        {
            seen.Add((created, await store.GetObjectInfoAsync(created.Object.Bucket, created.Object.Key) is not null));
        };
        store.ObjectCreated += (_, _) => throw new InvalidOperationException("a broken subscriber");

        await store.PutObjectAsync("bucket", "a", new MemoryStream([1]), new ObjectWriteOptions(RequestId: "REQ1"));
        await store.PutObjectAsync("bucket", "b", new MemoryStream([2]), new ObjectWriteOptions(EventName: "ObjectCreated:Copy"));

        Assert.Collection(
            seen,
            first => Assert.Equal(("a", "ObjectCreated:Put", "REQ1", true), (first.Event.Object.Key, first.Event.EventName, first.Event.RequestId, first.Readable)),
            second => Assert.Equal(("b", "ObjectCreated:Copy", (string?)null, true), (second.Event.Object.Key, second.Event.EventName, second.Event.RequestId, second.Readable)));
    }

    public void Dispose() => _root.Dispose();
}
