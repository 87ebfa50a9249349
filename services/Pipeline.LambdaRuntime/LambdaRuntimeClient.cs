using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Pipeline.LambdaRuntime;

/// <summary>
/// The Lambda Runtime API (<c>http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01</c>): next invocation, response, invocation
/// error, init error. Any 5xx, and anything but 200 from <c>/next</c>, throws <see cref="LambdaRuntimeApiException"/>.
/// </summary>
public sealed class LambdaRuntimeClient : IDisposable
{
    /// <summary>The Runtime API version in every path.</summary>
    public const string ApiVersion = "2018-06-01";

    private readonly HttpClient _http;

    /// <param name="runtimeApi">The <c>host:port</c> from <c>AWS_LAMBDA_RUNTIME_API</c>.</param>
    /// <param name="handler">Sends the requests; not disposed with the client. Null uses a handler of the client's own.</param>
    /// <exception cref="ArgumentException"><paramref name="runtimeApi"/> is not a <c>host:port</c>.</exception>
    public LambdaRuntimeClient(string runtimeApi, HttpMessageHandler? handler = null)
    {
        var baseAddress = CreateBaseAddress(runtimeApi);
        _http = handler is null
            ? new HttpClient(new SocketsHttpHandler
            {
                // HTTP_PROXY set for the function's own calls must never capture the local Runtime API.
                UseProxy = false,
                // A thawed process may find pooled connections closed; idle ones are dropped rather than trusted.
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            })
            : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = baseAddress;

        // No timeout: /next blocks until an event arrives, and the process may be frozen for hours in between.
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>The base address the client sends to.</summary>
    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary><c>http://{runtimeApi}/2018-06-01/</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="runtimeApi"/> is not a <c>host:port</c>.</exception>
    public static Uri CreateBaseAddress(string runtimeApi)
    {
        var trimmed = runtimeApi?.Trim();
        if (string.IsNullOrEmpty(trimmed)
            || !Uri.TryCreate($"http://{trimmed}/{ApiVersion}/", UriKind.Absolute, out var uri)
            || uri.AbsolutePath != $"/{ApiVersion}/"
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ArgumentException($"The Lambda Runtime API address must be host:port, not '{runtimeApi}'.", nameof(runtimeApi));
        }

        return uri;
    }

    /// <summary><c>GET /runtime/invocation/next</c>: waits, without a timeout, for the next event.</summary>
    public async Task<LambdaInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        const string path = "runtime/invocation/next";
        try
        {
            using var response = await _http.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                // Also for 403 and the like: asking again would spin on the same answer.
                throw new LambdaRuntimeApiException($"GET /{path} answered {(int)response.StatusCode} {response.ReasonPhrase}.", response.StatusCode);
            }

            var requestId = Header(response, RuntimeApiHeaders.RequestId)
                ?? throw new LambdaRuntimeApiException($"GET /{path} answered without a {RuntimeApiHeaders.RequestId} header.", response.StatusCode);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new LambdaInvocation(
                requestId,
                ParseDeadline(Header(response, RuntimeApiHeaders.DeadlineMs)),
                Header(response, RuntimeApiHeaders.InvokedFunctionArn),
                Header(response, RuntimeApiHeaders.TraceId),
                Header(response, RuntimeApiHeaders.ClientContext),
                Header(response, RuntimeApiHeaders.CognitoIdentity),
                body);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(path, e);
        }
    }

    /// <summary><c>POST /runtime/invocation/{requestId}/response</c>.</summary>
    public Task<LambdaPostStatus> PostResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/response", new ReadOnlyMemoryContent(response), cancellationToken);
    }

    /// <summary><c>POST /runtime/invocation/{requestId}/error</c>, with the error type also in <c>Lambda-Runtime-Function-Error-Type</c>.</summary>
    public Task<LambdaPostStatus> PostInvocationErrorAsync(string requestId, LambdaError error, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return PostErrorAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", error, cancellationToken);
    }

    /// <summary><c>POST /runtime/init/error</c>; the runtime should exit afterwards.</summary>
    public Task<LambdaPostStatus> PostInitErrorAsync(LambdaError error, CancellationToken cancellationToken) =>
        PostErrorAsync("runtime/init/error", error, cancellationToken);

    /// <summary>Releases the HTTP client (not a handler passed in).</summary>
    public void Dispose() => _http.Dispose();

    private Task<LambdaPostStatus> PostErrorAsync(string path, LambdaError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, LambdaRuntimeJsonContext.Default.LambdaError));
        content.Headers.ContentType = new MediaTypeHeaderValue(RuntimeApiHeaders.ErrorContentType);
        return PostAsync(path, content, cancellationToken, HeaderSafe(error.ErrorType));
    }

    private async Task<LambdaPostStatus> PostAsync(string path, HttpContent content, CancellationToken cancellationToken, string? errorType = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, errorType);
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => LambdaPostStatus.Accepted,
                413 => LambdaPostStatus.PayloadTooLarge,
                >= 500 => throw new LambdaRuntimeApiException($"POST /{path} answered {status} {response.ReasonPhrase}: the container is in a non-recoverable state.", response.StatusCode),
                _ => LambdaPostStatus.Rejected,
            };
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(path, e);
        }
    }

    private static LambdaRuntimeApiException Unreachable(string path, HttpRequestException e) =>
        new($"The Lambda Runtime API did not answer {path}: {e.Message}", e.StatusCode, e);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value ? value : null;

    private static DateTimeOffset? ParseDeadline(string? milliseconds) =>
        long.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    // A header value with a control character would make the whole request fail, and with it the error report.
    private static string HeaderSafe(string value) =>
        string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= ' ' and <= '~' ? source[i] : '_';
            }
        });
}
