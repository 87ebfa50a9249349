namespace Pipeline.Contracts.Aws.S3;

/// <summary>The object of an S3 event. <see cref="Key"/> is URL-encoded as S3 sends it (spaces as '+').</summary>
public sealed record S3ObjectEntity(string Key, long? Size, string? ETag, string? VersionId, string? Sequencer)
{
    /// <summary>The object key decoded the way S3 encoded it in the notification.</summary>
    public string DecodedKey => System.Net.WebUtility.UrlDecode(Key);
}
