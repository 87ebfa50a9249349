using Microsoft.AspNetCore.Http;

namespace Pipeline.LocalCloud.Protocols;

/// <summary>What an operation handler may need of its request besides its input: the URL it was sent to (queue
/// URLs are built from it) and the client's cancellation.</summary>
public sealed record OperationCall(string BaseUrl, CancellationToken Cancellation)
{
    public static OperationCall Of(HttpContext context) =>
        new($"{context.Request.Scheme}://{context.Request.Host}", context.RequestAborted);
}
