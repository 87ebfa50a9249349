namespace Pipeline.LocalCloud.S3;

/// <summary>What a request addresses: the service (no bucket), a bucket, or an object (bucket and key).</summary>
internal sealed record S3Target(string? Bucket, string? Key);
