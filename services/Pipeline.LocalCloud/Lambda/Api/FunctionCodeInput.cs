namespace Pipeline.LocalCloud.Lambda.Api;

/// <summary>A deployment package: the zip inline (base64 in JSON) or an S3 object.</summary>
internal sealed class FunctionCodeInput
{
    public byte[]? ZipFile { get; set; }

    public string? S3Bucket { get; set; }

    public string? S3Key { get; set; }

    public string? S3ObjectVersion { get; set; }

    public string? ImageUri { get; set; }
}
