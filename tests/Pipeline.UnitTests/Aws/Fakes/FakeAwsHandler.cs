using Xunit;
using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Pipeline.UnitTests.Aws.Fakes;

/// <summary>
/// Stands in for the network: answers each request with the next scripted response and records what was sent.
/// A script step may throw (transport failure) or wait on the token (cancellation, timeouts).
/// </summary>
internal sealed class FakeAwsHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public RecordedRequest Single => Assert.Single(Requests);

    public FakeAwsHandler Then(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> step)
    {
        _script.Enqueue(step);
        return this;
    }

    public FakeAwsHandler ThenJson(HttpStatusCode status, string json, params (string Name, string Value)[] headers) =>
        Then((_, _) => Task.FromResult(Response(status, json, "application/x-amz-json-1.1", headers)));

    public FakeAwsHandler ThenXml(HttpStatusCode status, string xml, params (string Name, string Value)[] headers) =>
        Then((_, _) => Task.FromResult(Response(status, xml, "text/xml", headers)));

    public FakeAwsHandler ThenThrow(Exception error) => Then((_, _) => Task.FromException<HttpResponseMessage>(error));

    public static HttpResponseMessage Response(HttpStatusCode status, string body, string contentType, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, request.Content?.Headers.ContentType?.ToString(), body);
        _requests.Enqueue(recorded);

        if (!_script.TryDequeue(out var step))
        {
            throw new InvalidOperationException($"The test scripted no response for request {_requests.Count}.");
        }

        return await step(recorded, cancellationToken);
    }
}
