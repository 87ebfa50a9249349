using Amazon.S3;
using Amazon.S3.Model;

namespace Pipeline.LocalGlueJob;

/// <summary><see cref="IObjectStorage"/> on AWSSDK.S3: the same calls reach LocalCloud or AWS.</summary>
internal sealed class S3ObjectStorage(IAmazonS3 s3) : IObjectStorage
{
    public async Task<IReadOnlyList<StoredObject>> ListObjectsAsync(string bucket, string prefix, string? startAfter, int maxKeys, CancellationToken cancellationToken = default)
    {
        try
        {
            var page = await s3.ListObjectsV2Async(
                new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, StartAfter = startAfter, MaxKeys = maxKeys },
                cancellationToken).ConfigureAwait(false);
            return (page.S3Objects ?? []).Select(o => new StoredObject(bucket, o.Key, o.ETag ?? string.Empty, o.Size ?? 0)).ToList();
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
        {
            return [];
        }
    }

    public async Task<Stream?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return new OwnedStream(response);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "NoSuchKey" or "NoSuchBucket")
        {
            return null;
        }
    }

    public Task PutObjectAsync(string bucket, string key, Stream content, string? contentType = null, CancellationToken cancellationToken = default) =>
        s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = content, ContentType = contentType, AutoCloseStream = false }, cancellationToken);

    public Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, cancellationToken);

    // The response stream, disposing the response with it.
    private sealed class OwnedStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
