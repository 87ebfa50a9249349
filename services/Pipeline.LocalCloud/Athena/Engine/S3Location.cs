namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>An <c>s3://bucket/prefix</c> location; <see cref="Prefix"/> is empty or ends in <c>/</c>.</summary>
internal sealed record S3Location(string Bucket, string Prefix)
{
    public static S3Location? TryParse(string? location)
    {
        if (location is null)
        {
            return null;
        }

        string rest;
        if (location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            rest = location[5..];
        }
        else if (location.StartsWith("s3a://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("s3n://", StringComparison.OrdinalIgnoreCase))
        {
            rest = location[6..];
        }
        else
        {
            return null;
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..];
        if (bucket.Length == 0)
        {
            return null;
        }

        if (prefix.Length > 0 && !prefix.EndsWith('/'))
        {
            prefix += "/";
        }

        return new S3Location(bucket, prefix);
    }

    /// <summary>The key of an object directly under this location.</summary>
    public string Key(string name) => Prefix + name;

    public override string ToString() => $"s3://{Bucket}/{Prefix}";
}
