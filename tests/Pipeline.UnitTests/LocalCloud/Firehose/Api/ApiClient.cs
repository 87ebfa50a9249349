using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.AwsShapes.Firehose;
using Pipeline.LocalCloud.Firehose;
using Pipeline.LocalCloud.Firehose.Api;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Api;

/// <summary>Calls the Firehose endpoint through LocalCloud's router as a signed JSON 1.1 request, without a socket.</summary>
internal sealed class ApiClient(FirehoseService service)
{
    private readonly ServiceRouter _router = new([new FirehoseEndpoint(service)], NullLogger<ServiceRouter>.Instance);

    public async Task<ApiResponse> CallAsync(string operation, string json, string target = "Firehose_20150804")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/";
        context.Request.Headers["X-Amz-Target"] = $"{target}.{operation}";
        context.Request.Headers.Authorization = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/firehose/aws4_request, SignedHeaders=host;x-amz-date, Signature=0";
        context.Request.ContentType = "application/x-amz-json-1.1";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        context.Response.Body = new MemoryStream();

        await _router.HandleAsync(context);

        var text = Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        return new ApiResponse(context.Response.StatusCode, context.Response.ContentType, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<ApiResponse> CallAsync<T>(string operation, T input, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        CallAsync(operation, JsonSerializer.Serialize(input, type));
}
