using System.Text;
using Pipeline.LocalCloud.Storage;
using Pipeline.UnitTests.LocalCloud.S3.Fakes;

namespace Pipeline.UnitTests.LocalCloud.S3;

/// <summary>An overwrite is all or nothing: readers see the old object or the new one, never a mix or a part.</summary>
public sealed class AtomicOverwriteTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly FileObjectStore _store;

    public AtomicOverwriteTests()
    {
        _store = new FileObjectStore(Path.Combine(_root.Path, "s3"), TimeProvider.System);
        _store.CreateBucketAsync("bucket").GetAwaiter().GetResult();
    }

    [Fact]
    public async Task A_reader_that_opened_the_old_object_reads_it_whole_while_it_is_replaced()
    {
        var old = Enumerable.Repeat((byte)'o', 300_000).ToArray();
        await _store.PutObjectAsync("bucket", "k.json", new MemoryStream(old), new ObjectWriteOptions());
        await using var before = await _store.OpenObjectAsync("bucket", "k.json");
        Assert.NotNull(before);

        var replacement = await _store.PutObjectAsync("bucket", "k.json", new MemoryStream(Encoding.UTF8.GetBytes("new")), new ObjectWriteOptions());
        using var copy = new MemoryStream();
        await before.Content.CopyToAsync(copy);

        Assert.Equal(old, copy.ToArray());
        Assert.Equal(old.Length, before.Info.Size);
        Assert.Equal(3, replacement.Size);
        Assert.Equal("new", await File.ReadAllTextAsync(_store.GetContentPath("bucket", "k.json")!));
    }

    [Fact]
    public async Task A_failed_upload_leaves_the_previous_object_and_no_temp_file()
    {
        await _store.PutObjectAsync("bucket", "k", new MemoryStream(Encoding.UTF8.GetBytes("kept")), new ObjectWriteOptions());
        var broken = new TrickleStream(new byte[100_000], maxPerRead: 4096, failAfter: 50_000);

        await Assert.ThrowsAsync<IOException>(() => _store.PutObjectAsync("bucket", "k", broken, new ObjectWriteOptions()));

        var info = await _store.GetObjectInfoAsync("bucket", "k");
        Assert.Equal(4, info?.Size);
        Assert.Equal("kept", await File.ReadAllTextAsync(_store.GetContentPath("bucket", "k")!));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_store.RootDirectory, "tmp")));
    }

    [Fact]
    public async Task A_failed_first_upload_leaves_no_object_and_nothing_under_objects()
    {
        var broken = new TrickleStream(new byte[10_000], maxPerRead: 1000, failAfter: 5_000);

        await Assert.ThrowsAsync<IOException>(() => _store.PutObjectAsync("bucket", "raw/x.gz", broken, new ObjectWriteOptions()));

        Assert.Null(await _store.GetObjectInfoAsync("bucket", "raw/x.gz"));
        Assert.Empty(Directory.EnumerateFiles(_store.ObjectsDirectory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Concurrent_writers_to_one_key_leave_exactly_one_of_their_objects()
    {
        var payloads = Enumerable.Range(0, 16).Select(i => Enumerable.Repeat((byte)('a' + i), 20_000 + i).ToArray()).ToList();

        await Task.WhenAll(payloads.Select(p => Task.Run(() => _store.PutObjectAsync("bucket", "hot", new MemoryStream(p), new ObjectWriteOptions()))));

        var info = await _store.GetObjectInfoAsync("bucket", "hot");
        var bytes = await File.ReadAllBytesAsync(_store.GetContentPath("bucket", "hot")!);
        Assert.Contains(payloads, p => p.SequenceEqual(bytes));
        Assert.Equal(bytes.Length, info?.Size);
    }

    public void Dispose()
    {
        _store.Dispose();
        _root.Dispose();
    }
}
