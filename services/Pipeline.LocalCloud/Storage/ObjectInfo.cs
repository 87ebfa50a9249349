namespace Pipeline.LocalCloud.Storage;

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
