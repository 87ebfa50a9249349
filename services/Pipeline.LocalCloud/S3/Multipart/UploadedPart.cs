namespace Pipeline.LocalCloud.S3.Multipart;

/// <summary>A stored part: its number, MD5 (its ETag, unquoted lower-case hex), size and file.</summary>
internal sealed record UploadedPart(int PartNumber, string Md5Hex, long Size, string Path)
{
    public string ETag => "\"" + Md5Hex + "\"";
}
