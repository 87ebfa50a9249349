namespace Pipeline.LocalGlueJob;

/// <summary>An <c>s3://bucket/prefix</c> location split into the bucket and the key prefix.</summary>
internal sealed record S3Uri(string Bucket, string Prefix)
{
    public static bool TryParse(string? text, out S3Uri uri)
    {
        uri = new S3Uri(string.Empty, string.Empty);
        if (text is null || !text.StartsWith("s3://", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text["s3://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0)
        {
            return false;
        }

        uri = new S3Uri(bucket, slash < 0 ? string.Empty : rest[(slash + 1)..]);
        return true;
    }

    public override string ToString() => $"s3://{Bucket}/{Prefix}";
}
