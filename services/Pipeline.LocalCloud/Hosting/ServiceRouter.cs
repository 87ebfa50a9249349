using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Hosting;

/// <summary>
/// Routes each request to its service and guarantees an AWS-shaped answer: a service's own error as AWS writes it,
/// an unknown service or operation as <c>UnknownOperationException</c>, a full data disk as the service's 503
/// (S3's <c>SlowDown</c>, else <c>ServiceUnavailable(Exception)</c>), and any bug as <c>InternalFailure</c> without a
/// stack trace.
/// </summary>
public sealed partial class ServiceRouter(IEnumerable<IAwsServiceEndpoint> endpoints, ILogger<ServiceRouter> logger)
{
    private readonly Dictionary<string, IAwsServiceEndpoint> _endpoints =
        endpoints.ToDictionary(e => e.SigningName, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Services => _endpoints.Keys;

    public async Task HandleAsync(HttpContext context)
    {
        var service = SigningScope.ServiceOf(context.Request);
        if (service is null || !_endpoints.TryGetValue(service, out var endpoint))
        {
            await AwsErrorWriter.WriteAsync(
                context,
                context.Request.Headers.ContainsKey("X-Amz-Target") ? AwsProtocol.Json : AwsProtocol.RestXml,
                "UnknownOperationException",
                $"LocalCloud does not serve the service '{service ?? "(unrecognised)"}'. It serves: {string.Join(", ", _endpoints.Keys.Order(StringComparer.Ordinal))}.",
                StatusCodes.Status400BadRequest);
            return;
        }

        NameServerSpan(context, service);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = ServiceRequestLimits.For(service);
        }

        // Every answer carries the request id, set once here; an error rewrites the response and sets it again.
        RequestIds.Stamp(context, endpoint.Protocol);
        try
        {
            await endpoint.HandleAsync(context);
        }
        catch (AwsServiceException e)
        {
            await AwsErrorWriter.WriteAsync(context, endpoint.Protocol, e.Code, e.Message, e.StatusCode);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await AwsErrorWriter.WriteAsync(
                context,
                endpoint.Protocol,
                "RequestEntityTooLarge",
                $"The request body is larger than the {ServiceRequestLimits.For(service)} bytes {service} takes.",
                StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception e) when (DiskFull.Is(e) && !context.Response.HasStarted)
        {
            // Nothing was stored: the client's retry (the SDKs retry these codes) succeeds once space returns.
            LogDiskFull(service, context.Request.Method, context.Request.Path, e.Message);
            var (code, message) = DiskFullError(service);
            await AwsErrorWriter.WriteAsync(context, endpoint.Protocol, code, message, StatusCodes.Status503ServiceUnavailable);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception e)
        {
            LogUnhandled(e, service, context.Request.Method, context.Request.Path);
            await AwsErrorWriter.WriteAsync(context, endpoint.Protocol, "InternalFailure", "LocalCloud failed to process the request; see its log.", StatusCodes.Status500InternalServerError);
        }
    }

    // The ASP.NET Core span of every request is "POST /"; name it as the AWS SDKs name their client spans
    // (<service>.<operation> with rpc.* attributes) where the operation is in a header, and by service otherwise.
    private static void NameServerSpan(HttpContext context, string service)
    {
        if (Activity.Current is not { } activity)
        {
            return;
        }

        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var operation = target.Contains('.', StringComparison.Ordinal) ? target[(target.LastIndexOf('.') + 1)..] : null;
        activity.DisplayName = operation is null ? $"{service} {context.Request.Method}" : $"{service}.{operation}";
        activity.SetTag("rpc.system", "aws-api");
        activity.SetTag("rpc.service", service);
        if (operation is not null)
        {
            activity.SetTag("rpc.method", operation);
        }
    }

    // Each service's own throttling/unavailable code, the one its SDK retries.
    private static (string Code, string Message) DiskFullError(string service) => service switch
    {
        "s3" => ("SlowDown", "Please reduce your request rate."),
        "sqs" => ("ServiceUnavailable", "The request has failed due to a temporary failure of the server."),
        _ => ("ServiceUnavailableException", "Slow down."),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "{Service} refused {Method} {Path}: the data directory's disk is full ({Reason})")]
    private partial void LogDiskFull(string service, string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Service} for {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string service, string method, string path);
}
