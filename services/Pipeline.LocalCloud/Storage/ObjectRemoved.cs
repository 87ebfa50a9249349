namespace Pipeline.LocalCloud.Storage;

/// <summary>An object was deleted. <see cref="EventName"/> is S3's, e.g. <c>ObjectRemoved:Delete</c>.</summary>
public sealed record ObjectRemoved(string Bucket, string Key, string EventName, string? RequestId);
