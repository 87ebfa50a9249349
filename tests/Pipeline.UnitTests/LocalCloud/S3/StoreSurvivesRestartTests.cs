using System.Text;
using Microsoft.Extensions.Time.Testing;
using Pipeline.LocalCloud.Storage;
using Pipeline.UnitTests.LocalCloud.S3.Fakes;

namespace Pipeline.UnitTests.LocalCloud.S3;

/// <summary>Buckets and objects, with all their metadata, are still there after the store is reopened.</summary>
public sealed class StoreSurvivesRestartTests : IDisposable
{
    private readonly TempDirectory _root = new();

    [Fact]
    public async Task Reopening_the_store_finds_buckets_objects_and_metadata()
    {
        // Each read of the clock moves it a millisecond, so each write gets its own, predictable time.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        var path = Path.Combine(_root.Path, "s3");
        ObjectInfo written;
        using (var store = new FileObjectStore(path, time))
        {
            await store.CreateBucketAsync("lake");
            written = await store.PutObjectAsync(
                "lake",
                "raw/x.json.gz",
                new MemoryStream(Encoding.UTF8.GetBytes("payload")),
                new ObjectWriteOptions("application/json", "gzip", new Dictionary<string, string> { ["trace"] = "00-abc-01" }));
        }

        using var reopened = new FileObjectStore(path, TimeProvider.System);
        var info = await reopened.GetObjectInfoAsync("lake", "raw/x.json.gz");

        Assert.True(await reopened.BucketExistsAsync("lake"));
        Assert.NotNull(info);
        Assert.Equal(written.ETag, info.ETag);
        Assert.Equal("\"" + Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("payload"u8)) + "\"", info.ETag);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 679, TimeSpan.Zero), info.LastModified);
        Assert.Equal(("application/json", "gzip", 7L), (info.ContentType, info.ContentEncoding, info.Size));
        Assert.Equal("00-abc-01", info.UserMetadata["trace"]);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), Assert.Single(await reopened.ListBucketsAsync()).CreationDate);
    }

    [Fact]
    public void A_second_store_on_the_same_folder_is_refused_while_the_first_is_open()
    {
        var path = Path.Combine(_root.Path, "s3");
        using var first = new FileObjectStore(path, TimeProvider.System);

        Assert.Throws<IOException>(() => new FileObjectStore(path, TimeProvider.System));
    }

    public void Dispose() => _root.Dispose();
}
