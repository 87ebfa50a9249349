namespace Pipeline.LocalCloud.Storage;

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
