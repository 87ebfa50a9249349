using Pipeline.LocalCloud.Storage;
using Pipeline.UnitTests.LocalCloud.S3.Fakes;

namespace Pipeline.UnitTests.LocalCloud.S3;

/// <summary>The store lists in S3's order, UTF-8 byte order, which is not .NET's ordinal UTF-16 order.</summary>
public sealed class ListingOrderTests : IDisposable
{
    private static readonly string[] Keys =
    [
        "b", "a", "A", "Z", "a/b", "a-b", "a0", "é", "\uFF5E", "😀", "a\u0000", "ab", "~", "\u007f", " ", "a/", "a//",
    ];

    private readonly TempDirectory _root = new();
    private readonly FileObjectStore _store;

    public ListingOrderTests()
    {
        _store = new FileObjectStore(Path.Combine(_root.Path, "s3"), TimeProvider.System);
        _store.CreateBucketAsync("bucket").GetAwaiter().GetResult();
        foreach (var key in Keys)
        {
            _store.PutObjectAsync("bucket", key, new MemoryStream([1]), new ObjectWriteOptions()).GetAwaiter().GetResult();
        }
    }

    [Fact]
    public async Task Lists_keys_in_utf8_byte_order()
    {
        var listed = await _store.ListObjectsAsync("bucket", "", null, 1000);

        var expected = Keys.Order(Utf8Comparer.Instance).ToList();
        Assert.Equal(expected, listed.Select(o => o.Key));
        // U+FF5E sorts before U+1F600 in UTF-8 but after it in UTF-16: proof the order is S3's, not .NET's.
        Assert.True(expected.IndexOf("\uFF5E") < expected.IndexOf("😀"));
    }

    [Fact]
    public async Task Lists_after_a_start_key_and_within_a_prefix()
    {
        var afterA = await _store.ListObjectsAsync("bucket", "a", "a-b", 1000);
        var page = await _store.ListObjectsAsync("bucket", "", "a", 2);

        Assert.Equal(["a/", "a//", "a/b", "a0", "ab"], afterA.Select(o => o.Key));
        Assert.Equal(["a\u0000", "a-b"], page.Select(o => o.Key));
    }

    [Fact]
    public async Task Listing_a_missing_bucket_is_NoSuchBucket()
    {
        var error = await Assert.ThrowsAsync<Pipeline.LocalCloud.Hosting.AwsServiceException>(() => _store.ListObjectsAsync("nope", "", null, 10));

        Assert.Equal(("NoSuchBucket", 404), (error.Code, error.StatusCode));
    }

    public void Dispose()
    {
        _store.Dispose();
        _root.Dispose();
    }
}
