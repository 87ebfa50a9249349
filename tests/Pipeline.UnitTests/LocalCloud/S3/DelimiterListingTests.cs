using Pipeline.LocalCloud.S3.Listing;
using Pipeline.LocalCloud.Storage;
using Pipeline.UnitTests.LocalCloud.S3.Fakes;

namespace Pipeline.UnitTests.LocalCloud.S3;

/// <summary>
/// Prefix, delimiter, max-keys and markers behave as in S3: keys roll up into common prefixes, entries of both kinds
/// count towards max-keys, and continuing from the last entry of a page neither repeats nor skips anything.
/// </summary>
public sealed class DelimiterListingTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly FileObjectStore _store;
    private readonly List<string> _keys = [];

    public DelimiterListingTests()
    {
        _store = new FileObjectStore(Path.Combine(_root.Path, "s3"), TimeProvider.System);
        _store.CreateBucketAsync("bucket").GetAwaiter().GetResult();
        _keys.AddRange(["top.txt", "raw/readme", "raw/", "zzz"]);
        for (var day = 1; day <= 3; day++)
        {
            for (var i = 0; i < 7; i++)
            {
                _keys.Add($"raw/clickstream/day={day:D2}/part-{i}.json.gz");
            }
        }

        for (var i = 0; i < 5; i++)
        {
            _keys.Add($"raw/vehicle_telemetry/day=01/part-{i}.json.gz");
        }

        foreach (var key in _keys)
        {
            _store.PutObjectAsync("bucket", key, new MemoryStream([1]), new ObjectWriteOptions()).GetAwaiter().GetResult();
        }
    }

    [Fact]
    public async Task Rolls_keys_up_into_common_prefixes_at_the_first_delimiter_after_the_prefix()
    {
        var lister = new ObjectLister(_store);

        var top = await lister.ListAsync("bucket", "", "/", null, 1000);
        var raw = await lister.ListAsync("bucket", "raw/", "/", null, 1000);
        var days = await lister.ListAsync("bucket", "raw/clickstream/", "/", null, 1000);

        Assert.Equal(["top.txt", "zzz"], top.Contents.Select(o => o.Key));
        Assert.Equal(["raw/"], top.CommonPrefixes);
        Assert.Equal(["raw/", "raw/readme"], raw.Contents.Select(o => o.Key));
        Assert.Equal(["raw/clickstream/", "raw/vehicle_telemetry/"], raw.CommonPrefixes);
        Assert.Equal(["raw/clickstream/day=01/", "raw/clickstream/day=02/", "raw/clickstream/day=03/"], days.CommonPrefixes);
        Assert.False(days.IsTruncated);
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 1000)]
    [InlineData(3, 2)]
    [InlineData(1, 1)]
    [InlineData(4, 3)]
    public async Task Pages_continue_exactly_after_the_last_entry(int maxKeys, int storePageSize)
    {
        // A small store page makes the lister cross batch boundaries inside and between rolled-up groups.
        var lister = new ObjectLister(_store, storePageSize);
        foreach (var (prefix, delimiter) in new (string, string?)[] { ("", "/"), ("raw/", "/"), ("raw/", "="), ("", null), ("raw/c", "/") })
        {
            var whole = await lister.ListAsync("bucket", prefix, delimiter, null, 1000);
            var keys = new List<string>();
            var prefixes = new List<string>();
            string? marker = null;
            var pages = 0;
            while (true)
            {
                var page = await lister.ListAsync("bucket", prefix, delimiter, marker, maxKeys);
                Assert.True(page.KeyCount <= maxKeys);
                keys.AddRange(page.Contents.Select(o => o.Key));
                prefixes.AddRange(page.CommonPrefixes);
                pages++;
                if (!page.IsTruncated)
                {
                    break;
                }

                Assert.Equal(maxKeys, page.KeyCount);
                marker = page.LastEntry;
            }

            Assert.Equal(whole.Contents.Select(o => o.Key), keys);
            Assert.Equal(whole.CommonPrefixes, prefixes);
            Assert.Equal(Math.Max(1, (int)Math.Ceiling(whole.KeyCount / (double)maxKeys)), pages);
        }
    }

    [Fact]
    public async Task A_start_after_inside_a_rolled_up_group_does_not_return_the_group_again()
    {
        var lister = new ObjectLister(_store);

        var page = await lister.ListAsync("bucket", "raw/", "/", "raw/clickstream/day=02/part-3.json.gz", 1000);

        Assert.Equal(["raw/vehicle_telemetry/"], page.CommonPrefixes);
        Assert.Equal(["raw/readme"], page.Contents.Select(o => o.Key));
    }

    [Fact]
    public async Task Max_keys_zero_is_an_empty_page_that_is_not_truncated()
    {
        var page = await new ObjectLister(_store).ListAsync("bucket", "", null, null, 0);

        Assert.Equal((0, false), (page.KeyCount, page.IsTruncated));
    }

    [Fact]
    public void Continuation_tokens_round_trip_and_reject_forgeries()
    {
        var token = ContinuationTokens.Encode("raw/é/😀");

        Assert.Equal("raw/é/😀", ContinuationTokens.Decode(token));
        Assert.DoesNotContain('=', token);
        var error = Assert.Throws<Pipeline.LocalCloud.Hosting.AwsServiceException>(() => ContinuationTokens.Decode("!!not-a-token!!"));
        Assert.Equal("InvalidArgument", error.Code);
    }

    public void Dispose()
    {
        _store.Dispose();
        _root.Dispose();
    }
}
