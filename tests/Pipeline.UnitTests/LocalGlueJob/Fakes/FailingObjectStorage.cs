using Pipeline.LocalGlueJob;

namespace Pipeline.UnitTests.LocalGlueJob.Fakes;

/// <summary>S3 failing the n-th write under a prefix, as a disk filling up mid-publish would.</summary>
internal sealed class FailingObjectStorage(IObjectStorage inner, string prefix, int failingWrite) : IObjectStorage
{
    private int _writes;

    public Task<IReadOnlyList<StoredObject>> ListObjectsAsync(string bucket, string keyPrefix, string? startAfter, int maxKeys, CancellationToken cancellationToken = default) =>
        inner.ListObjectsAsync(bucket, keyPrefix, startAfter, maxKeys, cancellationToken);

    public Task<Stream?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(bucket, key, cancellationToken);

    public Task PutObjectAsync(string bucket, string key, Stream content, string? contentType = null, CancellationToken cancellationToken = default)
    {
        if (key.StartsWith(prefix, StringComparison.Ordinal) && Interlocked.Increment(ref _writes) == failingWrite)
        {
            throw new IOException("No space left on device");
        }

        return inner.PutObjectAsync(bucket, key, content, contentType, cancellationToken);
    }

    public Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken = default) => inner.DeleteObjectAsync(bucket, key, cancellationToken);
}
