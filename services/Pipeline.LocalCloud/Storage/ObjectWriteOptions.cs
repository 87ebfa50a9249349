namespace Pipeline.LocalCloud.Storage;

public sealed record ObjectWriteOptions(
    string ContentType = "binary/octet-stream",
    string? ContentEncoding = null,
    IReadOnlyDictionary<string, string>? UserMetadata = null,
    string EventName = "ObjectCreated:Put");
