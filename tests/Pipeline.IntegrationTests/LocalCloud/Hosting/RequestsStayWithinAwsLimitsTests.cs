using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Pipeline.IntegrationTests.LocalCloud.S3.Support;

namespace Pipeline.IntegrationTests.LocalCloud.Hosting;

/// <summary>
/// A body past a service's limit gets AWS's error shape and a 413, chunked or not, and LocalCloud goes on serving:
/// no request is read into memory unbounded, and no error is a stack trace.
/// </summary>
public sealed class RequestsStayWithinAwsLimitsTests(LocalCloudServer cloud) : IClassFixture<LocalCloudServer>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task A_chunked_body_past_the_services_limit_is_refused_with_the_json_error_shape()
    {
        // 2 MiB of JSON to EventBridge (1 MiB per request), sent without a Content-Length.
        using var request = JsonRequest("events", "AWSEvents.PutEvents", new ChunkedContent(2 * 1024 * 1024));

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("RequestEntityTooLarge", error.RootElement.GetProperty("__type").GetString());
        Assert.DoesNotContain("   at ", error.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_refused_body_the_service_still_answers()
    {
        using (var big = JsonRequest("events", "AWSEvents.PutEvents", new ChunkedContent(3 * 1024 * 1024)))
        using (var refused = await Http.SendAsync(big))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        }

        using var small = JsonRequest("events", "AWSEvents.ListRules", new StringContent("{}", Encoding.UTF8));
        using var answered = await Http.SendAsync(small);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task A_body_within_a_larger_services_limit_is_not_cut_by_a_smaller_ones()
    {
        // 3 MiB is too much for EventBridge but fine for Athena's 4 MiB: the cap is per service, not global.
        var query = new string('x', 3 * 1024 * 1024);
        using var request = JsonRequest("athena", "AmazonAthena.StartQueryExecution", new StringContent($"{{\"QueryString\":\"{query}\"}}", Encoding.UTF8));

        using var response = await Http.SendAsync(request);

        // Athena itself refuses a query string over 262,144 bytes, with its own error.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("InvalidRequestException", error.RootElement.GetProperty("__type").GetString());
    }

    private HttpRequestMessage JsonRequest(string service, string target, HttpContent content)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        var request = new HttpRequestMessage(HttpMethod.Post, cloud.Endpoint) { Content = content };
        request.Headers.Add("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0");
        return request;
    }

    /// <summary>A body of <c>length</c> bytes of a JSON string, streamed without a Content-Length.</summary>
    private sealed class ChunkedContent(int length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var block = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
            await stream.WriteAsync("{\"Entries\":[{\"Detail\":\""u8.ToArray());
            for (var written = 0; written < length; written += block.Length)
            {
                await stream.WriteAsync(block);
            }

            await stream.WriteAsync("\"}]}"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
