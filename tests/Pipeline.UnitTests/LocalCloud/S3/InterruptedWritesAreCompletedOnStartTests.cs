using System.Text;
using Pipeline.LocalCloud.Storage;
using Pipeline.UnitTests.LocalCloud.S3.Fakes;

namespace Pipeline.UnitTests.LocalCloud.S3;

/// <summary>
/// A crash between recording a change and finishing it is repaired when the store opens: a flushed upload is
/// rolled forward, a delete is completed, and stray temp files are removed.
/// </summary>
public sealed class InterruptedWritesAreCompletedOnStartTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly string _path;

    public InterruptedWritesAreCompletedOnStartTests()
    {
        _path = Path.Combine(_root.Path, "s3");
        using var store = new FileObjectStore(_path, TimeProvider.System);
        store.CreateBucketAsync("bucket").GetAwaiter().GetResult();
        store.PutObjectAsync("bucket", "doomed", new MemoryStream([1, 2, 3]), new ObjectWriteOptions()).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task A_put_whose_intent_was_recorded_is_rolled_forward()
    {
        var temp = Path.Combine(_path, "tmp", "crashed-upload");
        await File.WriteAllTextAsync(temp, "rolled forward");
        var info = new ObjectInfo("bucket", "raw/a.json", 14, "\"etag\"", DateTimeOffset.UnixEpoch, "application/json", null, new Dictionary<string, string>());
        var mapper = new ObjectPathMapper(Path.Combine(_path, "objects"), caseSensitive: true);
        using (var catalog = new ObjectCatalog(Path.Combine(_path, "catalog.db")))
        {
            catalog.BeginPut(info, mapper.RelativeContentPath("bucket", "raw/a.json"), temp);
        }

        using var store = new FileObjectStore(_path, TimeProvider.System);

        Assert.Equal("\"etag\"", (await store.GetObjectInfoAsync("bucket", "raw/a.json"))?.ETag);
        Assert.Equal("rolled forward", await File.ReadAllTextAsync(store.GetContentPath("bucket", "raw/a.json")!));
        Assert.False(File.Exists(temp));
    }

    [Fact]
    public async Task A_delete_whose_row_is_gone_has_its_file_removed()
    {
        string file;
        using (var store = new FileObjectStore(_path, TimeProvider.System))
        {
            file = store.GetContentPath("bucket", "doomed")!;
        }

        using (var catalog = new ObjectCatalog(Path.Combine(_path, "catalog.db")))
        {
            catalog.BeginDelete(catalog.GetObject("bucket", "doomed")!);
        }

        Assert.True(File.Exists(file));
        using var reopened = new FileObjectStore(_path, TimeProvider.System);

        Assert.Null(await reopened.GetObjectInfoAsync("bucket", "doomed"));
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Temp_files_no_intent_refers_to_are_removed()
    {
        var stray = Path.Combine(_path, "tmp", "half-written");
        File.WriteAllBytes(stray, Encoding.UTF8.GetBytes("never acknowledged"));

        using var store = new FileObjectStore(_path, TimeProvider.System);

        Assert.False(File.Exists(stray));
    }

    public void Dispose() => _root.Dispose();
}
