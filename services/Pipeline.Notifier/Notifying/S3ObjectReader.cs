using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Pipeline.Notifier.Notifying;

/// <summary><see cref="IObjectReader"/> over AWSSDK.S3.</summary>
public sealed class S3ObjectReader(IAmazonS3 s3) : IObjectReader
{
    /// <summary>Run summaries are a few KB; anything far larger is not one.</summary>
    private const long MaxBytes = 16 * 1024 * 1024;

    public async Task<byte[]?> ReadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            if (response.ContentLength > MaxBytes)
            {
                throw new InvalidDataException($"s3://{bucket}/{key} is {response.ContentLength} bytes, too large for a run summary.");
            }

            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey" || e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
