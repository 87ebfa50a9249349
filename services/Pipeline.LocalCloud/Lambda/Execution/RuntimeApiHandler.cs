using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>
/// The Lambda Runtime API (2018-06-01) for one process: <c>GET /runtime/invocation/next</c> blocks until the pool
/// hands it an invocation; <c>/response</c> and <c>/error</c> complete it (202); <c>/init/error</c> fails the process.
/// Errors use the Runtime API's <c>{"errorMessage","errorType"}</c> shape.
/// </summary>
internal sealed class RuntimeApiHandler(FunctionPool pool, FunctionProcess process)
{
    private const string Prefix = "/2018-06-01/runtime/";
    private const string InvocationPrefix = "invocation/";
    private const string FunctionErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "InvalidRequest", $"No such Runtime API path: {path}").ConfigureAwait(false);
            return;
        }

        var route = path[Prefix.Length..];
        var isGet = HttpMethods.IsGet(request.Method);
        var isPost = HttpMethods.IsPost(request.Method);
        if (route == "invocation/next" && isGet)
        {
            await NextAsync(context).ConfigureAwait(false);
        }
        else if (route == "init/error" && isPost)
        {
            var (body, _) = await ReadAsync(request, LambdaLimits.RuntimeErrorBytes).ConfigureAwait(false);
            pool.InitFailed(process, FunctionErrors.FromRuntime(body, request.Headers[FunctionErrorTypeHeader].ToString()));
            await WriteAcceptedAsync(context).ConfigureAwait(false);
        }
        else if (isPost && route.StartsWith(InvocationPrefix, StringComparison.Ordinal) && route.EndsWith("/response", StringComparison.Ordinal))
        {
            await ResponseAsync(context, route[InvocationPrefix.Length..^"/response".Length]).ConfigureAwait(false);
        }
        else if (isPost && route.StartsWith(InvocationPrefix, StringComparison.Ordinal) && route.EndsWith("/error", StringComparison.Ordinal))
        {
            await ErrorAsync(context, route[InvocationPrefix.Length..^"/error".Length]).ConfigureAwait(false);
        }
        else
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "InvalidRequest", $"No such Runtime API operation: {request.Method} {path}").ConfigureAwait(false);
        }
    }

    private async Task NextAsync(HttpContext context)
    {
        var invocation = await pool.NextAsync(process, context.RequestAborted).ConfigureAwait(false);
        if (invocation is null)
        {
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = invocation.Payload.Length;
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        response.Headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.InvokedFunctionArn;
        response.Headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
        try
        {
            await response.Body.WriteAsync(invocation.Payload, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The process went away with the invocation in hand: its exit fails the invocation (Runtime.ExitError).
        }
    }

    private async Task ResponseAsync(HttpContext context, string requestId)
    {
        var (body, tooLarge) = await ReadAsync(context.Request, LambdaLimits.ResponseBytes).ConfigureAwait(false);
        var answer = pool.Answer(process, requestId, tooLarge ? FunctionErrors.ResponseTooLarge() : new FunctionInvocationResult(body, null));
        if (answer == RuntimeAnswer.UnknownRequest)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidRequestID", $"Invalid request ID: {requestId}").ConfigureAwait(false);
        }
        else if (tooLarge)
        {
            await WriteErrorAsync(
                context,
                StatusCodes.Status413PayloadTooLarge,
                "RequestEntityTooLarge",
                $"Exceeded maximum allowed payload size ({LambdaLimits.ResponseBytes} bytes).").ConfigureAwait(false);
        }
        else
        {
            await WriteAcceptedAsync(context).ConfigureAwait(false);
        }
    }

    private async Task ErrorAsync(HttpContext context, string requestId)
    {
        var (body, _) = await ReadAsync(context.Request, LambdaLimits.RuntimeErrorBytes).ConfigureAwait(false);
        var answer = pool.Answer(process, requestId, FunctionErrors.FromRuntime(body, context.Request.Headers[FunctionErrorTypeHeader].ToString()));
        if (answer == RuntimeAnswer.UnknownRequest)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidRequestID", $"Invalid request ID: {requestId}").ConfigureAwait(false);
            return;
        }

        await WriteAcceptedAsync(context).ConfigureAwait(false);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; <c>TooLarge</c> (and what was read) when there is more.</summary>
    private static async Task<(byte[] Body, bool TooLarge)> ReadAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit)
        {
            return ([], true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return ([], true);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // A broken upload is no answer; the process's exit or the deadline ends the invocation.
            throw new OperationCanceledException("The runtime's request broke off.", e);
        }

        return (buffer.ToArray(), false);
    }

    private static async Task WriteAcceptedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"status\":\"OK\"}", Encoding.UTF8).ConfigureAwait(false);
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string errorType, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var document = FunctionErrors.Result(errorType, message).Payload;
        await context.Response.Body.WriteAsync(document).ConfigureAwait(false);
    }
}

/// <summary>How the pool took a runtime's answer to an invocation.</summary>
internal enum RuntimeAnswer
{
    /// <summary>It completed the invocation the process held (202).</summary>
    Accepted,

    /// <summary>A repeat for an invocation already answered (the error after a 413); dropped, still 202.</summary>
    AlreadyAnswered,

    /// <summary>The process holds no invocation with that id (400 <c>InvalidRequestID</c>).</summary>
    UnknownRequest,
}
