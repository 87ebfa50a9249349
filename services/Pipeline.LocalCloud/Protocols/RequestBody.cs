using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Protocols;

/// <summary>
/// Reads a request body once for every protocol: un-gzip'ed when the SDK compressed it (CloudWatch's request
/// compression), refused past the service's one limit (<see cref="ServiceRequestLimits"/>) with
/// <c>RequestEntityTooLarge</c>, so no body is read into memory unbounded even where Kestrel's cap does not apply.
/// </summary>
public static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpContext context, long limit, Func<long, AwsServiceException>? tooLarge = null)
    {
        var request = context.Request;
        tooLarge ??= TooLarge;
        if (request.ContentLength > limit)
        {
            throw tooLarge(limit);
        }

        var gzip = request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && request.ContentLength is { } length)
        {
            // The usual case (a PutRecordBatch of several MiB): one array of the declared size, no growing and copying.
            var body = new byte[length];
            await request.Body.ReadExactlyAsync(body, context.RequestAborted).ConfigureAwait(false);
            return body;
        }

        await using var decompressed = gzip ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : null;
        var source = decompressed ?? request.Body;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await source.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw tooLarge(limit);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException) when (gzip)
        {
            throw new AwsServiceException("InvalidParameterValue", "The request body is marked gzip but is not gzip data.");
        }

        return buffer.ToArray();
    }

    private static AwsServiceException TooLarge(long limit) =>
        new("RequestEntityTooLarge", $"The request body is larger than the {limit} bytes the service takes.", StatusCodes.Status413PayloadTooLarge);
}
