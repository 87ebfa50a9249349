using System.Net;
using System.Text;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

namespace Pipeline.IntegrationTests.LocalCloud.Restart;

/// <summary>The Lambda API calls the restart tests make, over HTTP with a SigV4-shaped header naming <c>lambda</c>.</summary>
internal sealed class LambdaHttp : IDisposable
{
    private readonly HttpClient _http;

    public LambdaHttp(Uri endpoint)
    {
        _http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.TryAddWithoutValidation(
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=00");
    }

    public static string Arn(string name) => $"arn:aws:lambda:us-east-1:000000000000:function:{name}";

    /// <summary>Creates the python test function with no concurrency at all, so every invocation of it is throttled.</summary>
    public async Task CreateThrottledAsync(string name)
    {
        await SendAsync(HttpMethod.Post, "/2015-03-31/functions", new Dictionary<string, object?>
        {
            ["FunctionName"] = name,
            ["Runtime"] = "provided.al2023",
            ["Role"] = LocalCloudInstance.Role,
            ["Handler"] = "bootstrap",
            ["Code"] = new Dictionary<string, object?> { ["ZipFile"] = Convert.ToBase64String(TestFunction.Package()) },
        });
        await SendAsync(HttpMethod.Put, $"/2017-10-31/functions/{name}/concurrency", new Dictionary<string, object?> { ["ReservedConcurrentExecutions"] = 0 });
    }

    /// <summary>Removes the function's reserved concurrency: it runs again.</summary>
    public Task LiftAsync(string name) => SendAsync(HttpMethod.Delete, $"/2017-10-31/functions/{name}/concurrency", null);

    /// <summary>An <c>Event</c> invocation, which Lambda accepts with 202 whatever the function's state.</summary>
    public async Task InvokeEventAsync(string name, string payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/2015-03-31/functions/{name}/invocations")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Amz-Invocation-Type", "Event");
        using var response = await _http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Invoke answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => _http.Dispose();

    private async Task SendAsync(HttpMethod method, string path, Dictionary<string, object?>? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : LocalCloudInstance.Json(body) };
        using var response = await _http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
