namespace Pipeline.LocalCloud.Storage;

/// <summary>
/// S3 buckets and objects under the data directory. The S3 endpoint serves it over HTTP; Firehose and the Glue and
/// Athena engines use it in process. No key, however crafted, reads or writes outside the data directory. The records
/// and enums below are what it takes and gives.
/// </summary>
public interface IObjectStore
{
    Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken = default);

    /// <summary>Creates the bucket; false when it already existed.</summary>
    Task<bool> CreateBucketAsync(string bucket, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BucketInfo>> ListBucketsAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores the object atomically (readers see the old or the new object, never a part) and returns it.</summary>
    /// <remarks>
    /// The content is read to its end before anything becomes visible; an exception from the stream (a failed digest
    /// check, a dropped upload) leaves the previous object untouched. <see cref="ObjectCreated"/> is raised after the commit.
    /// </remarks>
    /// <exception cref="Hosting.AwsServiceException"><c>NoSuchBucket</c> (404) when the bucket does not exist.</exception>
    /// <exception cref="ArgumentException">The key is empty, over 1,024 UTF-8 bytes or not valid Unicode.</exception>
    Task<ObjectInfo> PutObjectAsync(string bucket, string key, Stream content, ObjectWriteOptions options, CancellationToken cancellationToken = default);

    Task<ObjectInfo?> GetObjectInfoAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>Opens the object's bytes; null when there is no such object.</summary>
    Task<Stream?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>Objects in key order (UTF-8 binary, as S3 orders them) after <paramref name="startAfter"/>.</summary>
    /// <exception cref="Hosting.AwsServiceException"><c>NoSuchBucket</c> (404) when the bucket does not exist.</exception>
    Task<IReadOnlyList<ObjectInfo>> ListObjectsAsync(string bucket, string prefix, string? startAfter, int maxKeys, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object; false when there was none (S3 answers 204 either way).</summary>
    /// <exception cref="Hosting.AwsServiceException"><c>NoSuchBucket</c> (404) when the bucket does not exist.</exception>
    Task<bool> DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// The file holding an object's bytes, for engines such as DuckDB that read files. Read-only use; the path is
    /// valid until the object is overwritten or deleted.
    /// </summary>
    /// <remarks>
    /// <see cref="FileObjectStore"/> answers <c>&lt;DataDirectory&gt;/s3/objects/&lt;bucket&gt;/&lt;seg1&gt;/…/&lt;segN&gt;/@&lt;ext&gt;</c>:
    /// every <c>/</c>-separated segment of the key is a directory (the last one too) and the file in it is <c>@</c> plus
    /// up to two extensions of the last segment, e.g. key <c>raw/ds/year=2026/month=01/f.json.gz</c> →
    /// <c>…/objects/&lt;bucket&gt;/raw/ds/year=2026/month=01/f.json.gz/@.json.gz</c>. Only content files start with
    /// <c>@</c>, so <c>&lt;prefix dir&gt;/**/@*.gz</c> globs exactly the objects under a prefix, with hive partitions in
    /// the path. Ordinary segments (letters, digits, <c>- _ . = + , ~ ! ( )</c>, space) appear as they are; see
    /// <see cref="FileObjectStore.GetContentPath"/> for the encoding of the rest.
    /// </remarks>
    string? GetContentPath(string bucket, string key);

    /// <summary>Raised after an object is created or overwritten (S3 event notifications build on it).</summary>
    event Func<ObjectCreated, CancellationToken, Task>? ObjectCreated;

    /// <summary>Raised after <see cref="DeleteObjectAsync"/> removed an object (S3 event notifications build on it).</summary>
    /// <remarks>Has a default (never raised) only so that hand-written fakes of this interface keep compiling.</remarks>
    event Func<ObjectRemoved, CancellationToken, Task>? ObjectRemoved
    {
        add { }
        remove { }
    }

    /// <summary>
    /// Opens an object's metadata and bytes together, so the two always belong to the same version even while the
    /// key is being overwritten (a GET must not send the new bytes under the old Content-Length). Null when there is
    /// no such object. The caller disposes the result.
    /// </summary>
    /// <remarks>
    /// The default pairs <see cref="GetObjectInfoAsync"/> and <see cref="OpenReadAsync"/>, which is good enough for
    /// test fakes but not atomic; real stores override it.
    /// </remarks>
    async Task<StoredObject?> OpenObjectAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var info = await GetObjectInfoAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        if (info is null)
        {
            return null;
        }

        var content = await OpenReadAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        return content is null ? null : new StoredObject(info, content);
    }

    /// <summary>
    /// The directory holding the content files of every object whose key starts with <paramref name="prefix"/>
    /// (empty, or ending in <c>/</c>), for engines that glob (<c>&lt;dir&gt;/**/@*.parquet</c>); null when the store
    /// has no such directory or the prefix does not end at a segment boundary. The directory may not exist yet.
    /// </summary>
    /// <remarks>Has a default body only so that hand-written fakes of this interface keep compiling.</remarks>
    string? GetPrefixDirectory(string bucket, string prefix) => null;

    /// <summary>Deletes an empty bucket; S3's DeleteBucket. A bucket that still holds objects is left alone.</summary>
    /// <remarks>Has a default body only so that hand-written fakes of this interface keep compiling.</remarks>
    Task<BucketDeletion> DeleteBucketAsync(string bucket, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} does not delete buckets.");
}

/// <summary>An object's metadata. <see cref="ETag"/> is quoted, as S3 sends it.</summary>
public sealed record ObjectInfo(
    string Bucket,
    string Key,
    long Size,
    string ETag,
    DateTimeOffset LastModified,
    string ContentType,
    string? ContentEncoding,
    IReadOnlyDictionary<string, string> UserMetadata);

/// <summary>How to store an object.</summary>
/// <param name="ContentType">Served back as Content-Type.</param>
/// <param name="ContentEncoding">Served back as Content-Encoding (e.g. <c>gzip</c>); null for none.</param>
/// <param name="UserMetadata">The <c>x-amz-meta-*</c> pairs, names without the prefix, lower case.</param>
/// <param name="EventName">The S3 event name raised after the write, e.g. <c>ObjectCreated:Put</c>.</param>
/// <param name="ETag">
/// The quoted ETag to record instead of the content's MD5; S3 gives completed multipart uploads
/// <c>"&lt;md5 of the part md5s&gt;-&lt;parts&gt;"</c>. Null (the default) means the quoted MD5 hex of the bytes.
/// </param>
/// <param name="RequestId">The request that caused the write, passed on in <see cref="Storage.ObjectCreated"/>.</param>
public sealed record ObjectWriteOptions(
    string ContentType = "binary/octet-stream",
    string? ContentEncoding = null,
    IReadOnlyDictionary<string, string>? UserMetadata = null,
    string EventName = "ObjectCreated:Put",
    string? ETag = null,
    string? RequestId = null);

/// <summary>One version of an object: its metadata and a stream over exactly those bytes. Dispose to close the stream.</summary>
public sealed record StoredObject(ObjectInfo Info, Stream Content) : IAsyncDisposable, IDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();

    public void Dispose() => Content.Dispose();
}

public sealed record BucketInfo(string Name, DateTimeOffset CreationDate);

/// <summary>What <see cref="IObjectStore.DeleteBucketAsync"/> did; S3 answers 204, 404 NoSuchBucket or 409 BucketNotEmpty.</summary>
public enum BucketDeletion
{
    Deleted,
    NotFound,
    NotEmpty,
}

/// <summary>An object was stored. <see cref="EventName"/> is S3's, e.g. <c>ObjectCreated:Put</c>, <c>ObjectCreated:Copy</c>.</summary>
public sealed record ObjectCreated(ObjectInfo Object, string EventName, string? RequestId);

/// <summary>An object was deleted. <see cref="EventName"/> is S3's, e.g. <c>ObjectRemoved:Delete</c>.</summary>
public sealed record ObjectRemoved(string Bucket, string Key, string EventName, string? RequestId);
