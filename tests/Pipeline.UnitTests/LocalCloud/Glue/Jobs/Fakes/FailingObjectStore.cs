using Pipeline.LocalCloud.Storage;

namespace Pipeline.UnitTests.LocalCloud.Glue.Jobs.Fakes;

/// <summary>A store that fails the n-th write under a prefix, as a disk filling up mid-publish would.</summary>
internal sealed class FailingObjectStore(IObjectStore inner, string prefix, int failingWrite) : IObjectStore
{
    private int _writes;

    public event Func<ObjectCreated, CancellationToken, Task>? ObjectCreated
    {
        add => inner.ObjectCreated += value;
        remove => inner.ObjectCreated -= value;
    }

    public Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken = default) => inner.BucketExistsAsync(bucket, cancellationToken);

    public Task<bool> CreateBucketAsync(string bucket, CancellationToken cancellationToken = default) => inner.CreateBucketAsync(bucket, cancellationToken);

    public Task<IReadOnlyList<BucketInfo>> ListBucketsAsync(CancellationToken cancellationToken = default) => inner.ListBucketsAsync(cancellationToken);

    public Task<ObjectInfo> PutObjectAsync(string bucket, string key, Stream content, ObjectWriteOptions options, CancellationToken cancellationToken = default)
    {
        if (key.StartsWith(prefix, StringComparison.Ordinal) && Interlocked.Increment(ref _writes) == failingWrite)
        {
            throw new IOException("No space left on device");
        }

        return inner.PutObjectAsync(bucket, key, content, options, cancellationToken);
    }

    public Task<ObjectInfo?> GetObjectInfoAsync(string bucket, string key, CancellationToken cancellationToken = default) => inner.GetObjectInfoAsync(bucket, key, cancellationToken);

    public Task<Stream?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(bucket, key, cancellationToken);

    public Task<IReadOnlyList<ObjectInfo>> ListObjectsAsync(string bucket, string prefix, string? startAfter, int maxKeys, CancellationToken cancellationToken = default) =>
        inner.ListObjectsAsync(bucket, prefix, startAfter, maxKeys, cancellationToken);

    public Task<bool> DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken = default) => inner.DeleteObjectAsync(bucket, key, cancellationToken);

    public string? GetContentPath(string bucket, string key) => inner.GetContentPath(bucket, key);
}
