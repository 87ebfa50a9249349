using System.Globalization;
using System.Text;

namespace Pipeline.LocalCloud.S3.Payload;

/// <summary>
/// Decodes an <c>aws-chunked</c> request body: <c>&lt;hex size&gt;[;chunk-signature=…]\r\n&lt;bytes&gt;\r\n</c> chunks, a
/// zero-size chunk, then optional trailing headers (<c>x-amz-checksum-crc32:…</c>, <c>x-amz-trailer-signature:…</c>)
/// and a blank line. Used for every <c>STREAMING-*</c> payload SDKs and the AWS CLI send. Chunk signatures are not
/// checked, as no signature is; trailers are exposed once the stream has been read to the end.
/// </summary>
internal sealed class AwsChunkedStream(Stream inner) : ReadOnlyStream
{
    private const int MaxLineLength = 8 * 1024;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly Dictionary<string, string> _trailers = new(StringComparer.OrdinalIgnoreCase);
    private int _start;
    private int _end;
    private long _chunkRemaining;
    private State _state = State.ChunkHeader;

    private enum State
    {
        ChunkHeader,
        ChunkData,
        Trailers,
        Done,
    }

    /// <summary>The trailing headers, names case-insensitive; complete once a read has returned 0.</summary>
    public IReadOnlyDictionary<string, string> Trailers => _trailers;

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (destination.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            switch (_state)
            {
                case State.ChunkHeader:
                    var header = await ReadLineAsync(cancellationToken).ConfigureAwait(false)
                        ?? throw S3Errors.IncompleteBody("The aws-chunked body ended before its final chunk.");
                    _chunkRemaining = ParseChunkSize(header);
                    _state = _chunkRemaining == 0 ? State.Trailers : State.ChunkData;
                    break;

                case State.ChunkData when _chunkRemaining == 0:
                    var terminator = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
                    if (terminator is null || terminator.Length != 0)
                    {
                        throw Malformed("a chunk's data is not followed by CRLF");
                    }

                    _state = State.ChunkHeader;
                    break;

                case State.ChunkData:
                    if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
                    {
                        throw S3Errors.IncompleteBody("The aws-chunked body ended inside a chunk.");
                    }

                    var count = (int)Math.Min(Math.Min(destination.Length, _chunkRemaining), _end - _start);
                    _buffer.AsMemory(_start, count).CopyTo(destination);
                    _start += count;
                    _chunkRemaining -= count;
                    return count;

                case State.Trailers:
                    var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
                    if (string.IsNullOrEmpty(line))
                    {
                        // A blank line ends the trailers; so does the end of the body, which some clients send without one.
                        _state = State.Done;
                        break;
                    }

                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon <= 0)
                    {
                        throw Malformed("a trailing header has no name");
                    }

                    _trailers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                    break;

                case State.Done:
                    return 0;
            }
        }
    }

    private static long ParseChunkSize(string header)
    {
        var semicolon = header.IndexOf(';', StringComparison.Ordinal);
        var hex = (semicolon < 0 ? header : header[..semicolon]).Trim();
        if (hex.Length is 0 or > 15 || !long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size))
        {
            throw Malformed("a chunk size is not hexadecimal");
        }

        return size;
    }

    private static Hosting.AwsServiceException Malformed(string why) =>
        S3Errors.InvalidRequest($"The aws-chunked request body is malformed: {why}.");

    /// <summary>The next line without its CR LF (a bare LF is tolerated); null at the end of the body.</summary>
    private async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == (byte)'\r')
                {
                    length--;
                }

                var line = Encoding.ASCII.GetString(_buffer, _start, length);
                _start = newline + 1;
                return line;
            }

            if (_end - _start >= MaxLineLength)
            {
                throw Malformed("a line is too long");
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_start == _end)
                {
                    return null;
                }

                // The last line may lack its line break.
                var rest = Encoding.ASCII.GetString(_buffer, _start, _end - _start).TrimEnd('\r');
                _start = _end;
                return rest;
            }
        }
    }

    /// <summary>Reads more of the inner stream into the buffer; false at its end.</summary>
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var read = await inner.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read > 0;
    }
}
