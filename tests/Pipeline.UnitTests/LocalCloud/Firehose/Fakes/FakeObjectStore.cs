using System.Collections.Concurrent;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Fakes;

/// <summary>
/// Buckets and objects in memory. <see cref="FailAfterPuts"/> makes it throw once that many more objects were
/// written, which is how the tests crash a delivery between two objects.
/// </summary>
internal sealed class FakeObjectStore : IObjectStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Bucket, string Key), StoredObjectCopy> _objects = new();
    private int _puts;

    public event Func<ObjectCreated, CancellationToken, Task>? ObjectCreated;

    /// <summary>Throw an IOException on the put after this many more successful ones; null never.</summary>
    public int? FailAfterPuts { get; set; }

    /// <summary>Store the put that brings this to zero, then throw, as a crash right after S3 answered would look.</summary>
    public int? ThrowAfterStoringPuts { get; set; }

    public int Puts => _puts;

    public IReadOnlyList<StoredObjectCopy> Objects => _objects.Values.OrderBy(o => o.Key, StringComparer.Ordinal).ToArray();

    public Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken = default) =>
        Task.FromResult(_buckets.ContainsKey(bucket));

    public Task<bool> CreateBucketAsync(string bucket, CancellationToken cancellationToken = default) =>
        Task.FromResult(_buckets.TryAdd(bucket, DateTimeOffset.UtcNow));

    public Task<IReadOnlyList<BucketInfo>> ListBucketsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BucketInfo>>(_buckets.Select(b => new BucketInfo(b.Key, b.Value)).ToArray());

    public async Task<ObjectInfo> PutObjectAsync(string bucket, string key, Stream content, ObjectWriteOptions options, CancellationToken cancellationToken = default)
    {
        if (FailAfterPuts is { } remaining)
        {
            if (remaining <= 0)
            {
                throw new IOException("The fake object store crashed on purpose.");
            }

            FailAfterPuts = remaining - 1;
        }

        if (!_buckets.ContainsKey(bucket))
        {
            throw new InvalidOperationException($"No bucket {bucket}.");
        }

        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        var bytes = copy.ToArray();
        _objects.AddOrUpdate(
            (bucket, key),
            _ => new StoredObjectCopy(bucket, key, bytes, options, 1),
            (_, old) => new StoredObjectCopy(bucket, key, bytes, options, old.Writes + 1));
        Interlocked.Increment(ref _puts);
        var info = Info(bucket, key, bytes, options);
        if (ThrowAfterStoringPuts is { } untilThrow)
        {
            ThrowAfterStoringPuts = untilThrow - 1;
            if (untilThrow <= 1)
            {
                ThrowAfterStoringPuts = null;
                throw new IOException("The fake object store stored the object, then crashed on purpose.");
            }
        }

        if (ObjectCreated is { } handler)
        {
            await handler(new ObjectCreated(info, options.EventName, null), cancellationToken);
        }

        return info;
    }

    public Task<ObjectInfo?> GetObjectInfoAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_objects.TryGetValue((bucket, key), out var o) ? Info(bucket, key, o.Content, o.Options) : null);

    public Task<Stream?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream?>(_objects.TryGetValue((bucket, key), out var o) ? new MemoryStream(o.Content, writable: false) : null);

    public Task<IReadOnlyList<ObjectInfo>> ListObjectsAsync(string bucket, string prefix, string? startAfter, int maxKeys, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ObjectInfo>>(_objects.Values
            .Where(o => o.Bucket == bucket && o.Key.StartsWith(prefix, StringComparison.Ordinal) && (startAfter is null || string.CompareOrdinal(o.Key, startAfter) > 0))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Take(maxKeys)
            .Select(o => Info(o.Bucket, o.Key, o.Content, o.Options))
            .ToArray());

    public Task<bool> DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_objects.TryRemove((bucket, key), out _));

    public string? GetContentPath(string bucket, string key) => null;

    private static ObjectInfo Info(string bucket, string key, byte[] content, ObjectWriteOptions options) =>
        new(bucket, key, content.Length, "\"etag\"", DateTimeOffset.UtcNow, options.ContentType, options.ContentEncoding, new Dictionary<string, string>());
}
