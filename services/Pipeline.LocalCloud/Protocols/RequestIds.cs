using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Protocols;

/// <summary>One request id per request, shared by the response headers, errors and logs.</summary>
public static class RequestIds
{
    private const string Key = "LocalCloud.RequestId";

    public static string Of(HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var id) && id is string existing)
        {
            return existing;
        }

        var created = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        context.Items[Key] = created;
        return created;
    }

    /// <summary>
    /// Sets the request id headers the protocol's SDKs read: S3's <c>x-amz-request-id</c> and <c>x-amz-id-2</c>,
    /// every other protocol's <c>x-amzn-RequestId</c>. The router stamps every response; an error written after
    /// clearing the response stamps it again.
    /// </summary>
    public static void Stamp(HttpContext context, AwsProtocol protocol)
    {
        var requestId = Of(context);
        var headers = context.Response.Headers;
        if (protocol == AwsProtocol.RestXml)
        {
            headers["x-amz-request-id"] = requestId;
            headers["x-amz-id-2"] = HostId(requestId);
        }
        else
        {
            headers["x-amzn-RequestId"] = requestId;
        }
    }

    /// <summary>S3's <c>x-amz-id-2</c>, an opaque base64 token; derived from the request id so one request shows one value.</summary>
    public static string HostId(string requestId) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(requestId)));
}
