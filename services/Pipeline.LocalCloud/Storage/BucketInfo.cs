namespace Pipeline.LocalCloud.Storage;

public sealed record BucketInfo(string Name, DateTimeOffset CreationDate);
