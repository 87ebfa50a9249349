using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Protocols;

/// <summary>
/// The JSON 1.0/1.1 protocols' one front door: <c>POST /</c> with <c>X-Amz-Target: &lt;prefix&gt;.&lt;Operation&gt;</c>,
/// the body read once within the service's limit, the operation's typed handler run, its output written with the
/// request id, and any error written as the protocol writes it (awsQueryCompatible services add the Query-era code).
/// An operation the service does not serve is <c>UnknownOperationException</c>.
/// </summary>
public sealed class JsonProtocol(string signingName, string service, string targetPrefix, string version, JsonOperations operations)
{
    public string ContentType { get; } = $"application/x-amz-json-{version}";

    /// <summary>The largest body the service takes; by default its limit in <see cref="ServiceRequestLimits"/>.</summary>
    public long MaxRequestBytes { get; init; } = ServiceRequestLimits.For(signingName);

    /// <summary>For an awsQueryCompatible service, the <c>__type</c> shape and the Query code of an error code.</summary>
    public (Func<string, string> Shape, Func<string, string> QueryCode)? QueryCompatible { get; init; }

    /// <summary>The operation the request names in X-Amz-Target, if it is addressed to this service.</summary>
    private string? OperationOf(HttpRequest request)
    {
        var target = request.Headers["X-Amz-Target"].ToString();
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        return HttpMethods.IsPost(request.Method) && dot >= 0 && target[..dot] == targetPrefix ? target[(dot + 1)..] : null;
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            var operation = OperationOf(context.Request);
            if (operation is null || !operations.TryGet(operation, out var handler))
            {
                var target = context.Request.Headers["X-Amz-Target"].ToString();
                throw new AwsServiceException("UnknownOperationException", $"LocalCloud's {service} does not implement {(target.Length > 0 ? target : $"{context.Request.Method} {context.Request.Path}")}.");
            }

            var body = await RequestBody.ReadAsync(context, MaxRequestBytes).ConfigureAwait(false);
            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = ContentType;
            RequestIds.Stamp(context, AwsProtocol.Json);
            await handler(body, OperationCall.Of(context), response.Body).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            if (QueryCompatible is { } query)
            {
                await AwsErrorWriter.WriteQueryCompatibleJsonAsync(context, ContentType, query.Shape(e.Code), query.QueryCode(e.Code), e.Message, e.StatusCode).ConfigureAwait(false);
            }
            else
            {
                await AwsErrorWriter.WriteAsync(context, AwsProtocol.Json, e.Code, e.Message, e.StatusCode).ConfigureAwait(false);
            }
        }
    }
}
