using System.Text;
using Pipeline.LocalCloud.Storage;
using Pipeline.UnitTests.LocalCloud.S3.Fakes;

namespace Pipeline.UnitTests.LocalCloud.S3;

/// <summary>The store keeps any valid key, returns it byte for byte, and writes nothing outside its objects folder.</summary>
public sealed class StoreRoundTripsHostileKeysTests : IDisposable
{
    private readonly TempDirectory _root = new();

    [Fact]
    public async Task Puts_gets_lists_and_deletes_every_hostile_key_inside_the_objects_folder()
    {
        var storeRoot = Path.Combine(_root.Path, "s3");
        using var store = new FileObjectStore(storeRoot, TimeProvider.System);
        await store.CreateBucketAsync("bucket");

        foreach (var key in HostileKeys.All)
        {
            await store.PutObjectAsync("bucket", key, new MemoryStream(Encoding.UTF8.GetBytes("value of " + key)), new ObjectWriteOptions());
        }

        foreach (var key in HostileKeys.All)
        {
            await using var stored = await store.OpenObjectAsync("bucket", key);
            Assert.NotNull(stored);
            using var reader = new StreamReader(stored.Content);
            Assert.Equal("value of " + key, await reader.ReadToEndAsync());
            var path = store.GetContentPath("bucket", key)!;
            Assert.StartsWith(store.ObjectsDirectory + Path.DirectorySeparatorChar, path, StringComparison.Ordinal);
            Assert.True(File.Exists(path));
        }

        var listed = await store.ListObjectsAsync("bucket", "", null, 1000);
        Assert.Equal(HostileKeys.All.Order(Utf8Comparer.Instance), listed.Select(o => o.Key));
        AssertAllInside(storeRoot);

        foreach (var key in HostileKeys.All)
        {
            Assert.True(await store.DeleteObjectAsync("bucket", key));
        }

        Assert.Empty(await store.ListObjectsAsync("bucket", "", null, 1000));
        // Deleting prunes the key directories, so only the bucket's own folder remains.
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(store.ObjectsDirectory, "bucket")));
    }

    [Fact]
    public async Task Refuses_keys_S3_would_refuse()
    {
        using var store = new FileObjectStore(Path.Combine(_root.Path, "s3"), TimeProvider.System);
        await store.CreateBucketAsync("bucket");

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutObjectAsync("bucket", "", Stream.Null, new ObjectWriteOptions()));
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutObjectAsync("bucket", new string('x', 1025), Stream.Null, new ObjectWriteOptions()));
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutObjectAsync("bucket", "lone\uD800surrogate", Stream.Null, new ObjectWriteOptions()));
        Assert.Null(await store.GetObjectInfoAsync("bucket", "lone\uD800surrogate"));
    }

    [Fact]
    public async Task Keeps_buckets_with_path_like_names_inside_the_objects_folder()
    {
        var storeRoot = Path.Combine(_root.Path, "s3");
        using var store = new FileObjectStore(storeRoot, TimeProvider.System);

        foreach (var bucket in new[] { "..", ".", "%2e%2e", "a\\..\\..", "\0" })
        {
            Assert.True(await store.CreateBucketAsync(bucket));
            await store.PutObjectAsync(bucket, "../x", new MemoryStream([1]), new ObjectWriteOptions());
            Assert.StartsWith(store.ObjectsDirectory + Path.DirectorySeparatorChar, store.GetContentPath(bucket, "../x")!, StringComparison.Ordinal);
        }

        AssertAllInside(storeRoot);
    }

    public void Dispose() => _root.Dispose();

    private void AssertAllInside(string storeRoot) =>
        Assert.All(_root.Entries(), e => Assert.True(e == storeRoot || e.StartsWith(storeRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal), e));
}
