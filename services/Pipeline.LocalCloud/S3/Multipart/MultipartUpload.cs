namespace Pipeline.LocalCloud.S3.Multipart;

/// <summary>An upload in progress: where the object will go and the metadata it will carry.</summary>
internal sealed record MultipartUpload(
    string UploadId,
    string Bucket,
    string Key,
    string ContentType,
    string? ContentEncoding,
    Dictionary<string, string> UserMetadata,
    DateTimeOffset Initiated);
