namespace Pipeline.Notifier.Notifying;

/// <summary>S3 GetObject, the one S3 call the notifier makes (IAM action <c>s3:GetObject</c>).</summary>
public interface IObjectReader
{
    /// <summary>The object's bytes, or null when there is no such key.</summary>
    Task<byte[]?> ReadAsync(string bucket, string key, CancellationToken cancellationToken);
}
