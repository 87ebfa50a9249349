namespace Pipeline.LocalGlueJob;

/// <summary>An object as S3 lists it.</summary>
internal sealed record StoredObject(string Bucket, string Key, string ETag, long Size);

/// <summary>The S3 operations the job makes (ListObjectsV2, GetObject, PutObject, DeleteObject).</summary>
internal interface IObjectStorage
{
    /// <summary>One page of keys under <paramref name="prefix"/> after <paramref name="startAfter"/>, in key order; empty when the bucket does not exist.</summary>
    Task<IReadOnlyList<StoredObject>> ListObjectsAsync(string bucket, string prefix, string? startAfter, int maxKeys, CancellationToken cancellationToken = default);

    /// <summary>The object's content, or null when there is no such object.</summary>
    Task<Stream?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default);

    Task PutObjectAsync(string bucket, string key, Stream content, string? contentType = null, CancellationToken cancellationToken = default);

    Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken = default);
}
