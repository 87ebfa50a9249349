namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>A crawler target's bucket and key prefix; the prefix is empty or ends with <c>/</c>.</summary>
internal sealed record S3Location(string Bucket, string Prefix)
{
    public string Uri => $"s3://{Bucket}/{Prefix}";

    /// <summary>Reads <c>s3://bucket/prefix</c>; a prefix is a folder, so a missing final <c>/</c> is added.</summary>
    public static S3Location Parse(string path)
    {
        if (!path.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) || path.Length <= "s3://".Length)
        {
            throw new CrawlException($"The S3 target path '{path}' is not an s3://bucket/prefix path.");
        }

        var rest = path["s3://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..];
        if (bucket.Length == 0)
        {
            throw new CrawlException($"The S3 target path '{path}' has no bucket.");
        }

        return new S3Location(bucket, prefix.Length == 0 || prefix.EndsWith('/') ? prefix : prefix + "/");
    }
}
