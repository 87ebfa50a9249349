namespace Pipeline.LocalCloud.Storage;

/// <summary>An object was stored. <see cref="EventName"/> is S3's, e.g. <c>ObjectCreated:Put</c>, <c>ObjectCreated:Copy</c>.</summary>
public sealed record ObjectCreated(ObjectInfo Object, string EventName, string? RequestId);
