namespace Pipeline.LocalCloud.Storage;

/// <summary>
/// S3 buckets and objects under the data directory. The S3 endpoint serves it over HTTP; Firehose and the Glue and
/// Athena engines use it in process. No key, however crafted, reads or writes outside the data directory.
/// </summary>
public interface IObjectStore
{
    Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken = default);

    /// <summary>Creates the bucket; false when it already existed.</summary>
    Task<bool> CreateBucketAsync(string bucket, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BucketInfo>> ListBucketsAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores the object atomically (readers see the old or the new object, never a part) and returns it.</summary>
    Task<ObjectInfo> PutObjectAsync(string bucket, string key, Stream content, ObjectWriteOptions options, CancellationToken cancellationToken = default);

    Task<ObjectInfo?> GetObjectInfoAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>Opens the object's bytes; null when there is no such object.</summary>
    Task<Stream?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>Objects in key order (UTF-8 binary, as S3 orders them) after <paramref name="startAfter"/>.</summary>
    Task<IReadOnlyList<ObjectInfo>> ListObjectsAsync(string bucket, string prefix, string? startAfter, int maxKeys, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object; false when there was none (S3 answers 204 either way).</summary>
    Task<bool> DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// The file holding an object's bytes, for engines such as DuckDB that read files. Read-only use; the path is
    /// valid until the object is overwritten or deleted.
    /// </summary>
    string? GetContentPath(string bucket, string key);

    /// <summary>Raised after an object is created or overwritten (S3 event notifications build on it).</summary>
    event Func<ObjectCreated, CancellationToken, Task>? ObjectCreated;
}
