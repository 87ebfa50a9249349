using System.Diagnostics;
using System.Net.Http.Headers;

namespace Pipeline.Aws.Core;

/// <summary>
/// What every protocol shares: resolves region, endpoint and credentials once, then per call signs, sends, retries
/// transient failures and records one Client span. Protocols supply the body and the error parser.
/// </summary>
public sealed class AwsTransport
{
    private static readonly Lazy<HttpClient> SharedHttpClient = new(() => new HttpClient(new SocketsHttpHandler
    {
        // Long-lived clients must still notice DNS changes of the regional endpoints.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    }));

    private readonly AwsCredentialSource _credentials;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    /// <summary>Resolves everything <paramref name="options"/> leaves open from the environment and the SDK chains.</summary>
    public AwsTransport(AwsServiceDescriptor service, AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        Service = service;
        Region = AwsRegionResolver.Resolve(options.Region, options.GetEnvironmentVariable);
        Endpoint = AwsEndpointResolver.Resolve(service, options.Endpoint, Region, options.GetEnvironmentVariable);
        RetryPolicy = AwsRetryPolicy.From(options);
        _credentials = new AwsCredentialSource(options.Credentials);
        _http = options.HttpClient ?? SharedHttpClient.Value;
        _time = options.TimeProvider;
        _delay = options.Delay ?? ((delay, ct) => Task.Delay(delay, _time, ct));
    }

    /// <summary>The service this transport calls.</summary>
    public AwsServiceDescriptor Service { get; }

    /// <summary>The region requests are signed for.</summary>
    public string Region { get; }

    /// <summary>The endpoint requests go to.</summary>
    public Uri Endpoint { get; }

    /// <summary>The retry policy.</summary>
    public AwsRetryPolicy RetryPolicy { get; }

    /// <summary>
    /// POSTs <paramref name="body"/> to the endpoint's path, retrying transient failures; returns the 2xx response
    /// or throws what <paramref name="parseError"/> makes of the last error response.
    /// </summary>
    /// <param name="operation">The operation, for the span and errors.</param>
    /// <param name="body">The request body.</param>
    /// <param name="contentType">The exact Content-Type to send and sign.</param>
    /// <param name="headers">Extra headers to send and sign (e.g. <c>X-Amz-Target</c>).</param>
    /// <param name="parseError">Turns an error response into the exception to throw.</param>
    /// <param name="cancellationToken">Cancels the call, including backoff waits; a cancelled call is not retried.</param>
    public Task<AwsResponse> SendAsync(
        string operation,
        byte[] body,
        string contentType,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        Func<AwsErrorResponse, AwsServiceException> parseError,
        CancellationToken cancellationToken) =>
        SendAsync(operation, HttpMethod.Post, "/", body, contentType, headers, parseError, cancellationToken);

    /// <summary>
    /// Sends <paramref name="method"/> to <paramref name="pathAndQuery"/> (already URI-encoded) under the endpoint, for
    /// REST protocols such as Lambda's; otherwise as the POST overload.
    /// </summary>
    public async Task<AwsResponse> SendAsync(
        string operation,
        HttpMethod method,
        string pathAndQuery,
        byte[] body,
        string? contentType,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        Func<AwsErrorResponse, AwsServiceException> parseError,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        var target = new Uri(Endpoint, pathAndQuery);
        using var activity = StartActivity(operation);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await SendOnceAsync(operation, method, target, body, contentType, headers, parseError, cancellationToken).ConfigureAwait(false);
                activity?.SetTag("http.response.status_code", (int)response.StatusCode);
                activity?.SetTag("aws.request_id", response.RequestId);
                return response;
            }
            catch (Exception error) when (attempt < RetryPolicy.MaxAttempts && AwsRetryPolicy.IsRetryable(error, cancellationToken))
            {
                var backoff = RetryPolicy.GetBackoff(attempt);
                activity?.AddEvent(new ActivityEvent("aws.retry", tags: new ActivityTagsCollection
                {
                    ["aws.attempt"] = attempt,
                    ["aws.backoff_ms"] = backoff.TotalMilliseconds,
                    ["error.type"] = ErrorType(error),
                }));
                await _delay(backoff, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                RecordFailure(activity, error);
                throw;
            }
        }
    }

    private async Task<AwsResponse> SendOnceAsync(
        string operation,
        HttpMethod method,
        Uri target,
        byte[] body,
        string? contentType,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        Func<AwsErrorResponse, AwsServiceException> parseError,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, target) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        // Signed per attempt: X-Amz-Date must be fresh and refreshed credentials may have rotated.
        var credentials = await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        AwsSigV4Signer.Sign(request, body, credentials, Region, Service.SigningName, _time.GetUtcNow());

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var requestId = FirstHeader(response.Headers, "x-amzn-RequestId") ?? FirstHeader(response.Headers, "x-amz-request-id");
        if (response.IsSuccessStatusCode)
        {
            return new AwsResponse(response.StatusCode, requestId, responseBody, FirstHeader(response.Headers, "X-Amz-Function-Error"));
        }

        throw parseError(new AwsErrorResponse(Service, operation, response.StatusCode, response.Headers, requestId, responseBody));
    }

    private Activity? StartActivity(string operation)
    {
        var activity = AwsTelemetry.Source.StartActivity($"{Service.ServiceId}.{operation}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "aws-api");
            activity.SetTag("rpc.service", Service.ServiceId);
            activity.SetTag("rpc.method", operation);
            activity.SetTag("cloud.region", Region);
            activity.SetTag("server.address", Endpoint.Host);
            activity.SetTag("server.port", Endpoint.Port);
        }

        return activity;
    }

    private static void RecordFailure(Activity? activity, Exception error)
    {
        if (activity is null)
        {
            return;
        }

        if (error is AwsServiceException aws)
        {
            activity.SetTag("http.response.status_code", (int)aws.HttpStatusCode);
            activity.SetTag("aws.request_id", aws.RequestId);
        }

        activity.SetTag("error.type", ErrorType(error));
        activity.SetStatus(ActivityStatusCode.Error, error.Message);
    }

    private static string ErrorType(Exception error) => error is AwsServiceException aws ? aws.ErrorCode : error.GetType().FullName ?? error.GetType().Name;

    private static string? FirstHeader(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
