namespace Pipeline.UnitTests.LocalCloud.S3.Fakes;

/// <summary>
/// Hands out its bytes a few at a time, as a network does, so decoders are exercised across every split; optionally
/// throws once a given number of bytes has been read, like a client that disconnects mid-upload.
/// </summary>
internal sealed class TrickleStream(byte[] data, int maxPerRead = 3, int? failAfter = null) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => data.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (failAfter is { } limit && _position >= limit)
        {
            throw new IOException("The client went away.");
        }

        var count = Math.Min(Math.Min(buffer.Length, maxPerRead), data.Length - _position);
        if (failAfter is { } cap)
        {
            count = Math.Min(count, Math.Max(cap - _position, 1));
        }

        data.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
