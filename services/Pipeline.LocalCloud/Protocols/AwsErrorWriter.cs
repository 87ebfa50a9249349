using System.Security;
using System.Text;
using System.Text.Encodings.Web;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Protocols;

/// <summary>Writes an error the way the service's protocol writes it, so SDKs raise their usual exceptions.</summary>
public static class AwsErrorWriter
{
    /// <param name="xmlNamespace">For Query, the service's namespace on <c>&lt;ErrorResponse&gt;</c> (SQS's, CloudWatch's).</param>
    public static async Task WriteAsync(HttpContext context, AwsProtocol protocol, string code, string message, int status, string? xmlNamespace = null)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            // Too late for a status; abort so the client sees a broken response, not a truncated success.
            context.Abort();
            return;
        }

        response.Clear();
        response.StatusCode = status;
        var requestId = RequestIds.Of(context);
        RequestIds.Stamp(context, protocol);
        switch (protocol)
        {
            case AwsProtocol.Json:
                response.ContentType = "application/x-amz-json-1.1";
                response.Headers["X-Amzn-ErrorType"] = code;
                await response.WriteAsync($"{{\"__type\":\"{Json(code)}\",\"message\":\"{Json(message)}\"}}", Encoding.UTF8);
                break;
            case AwsProtocol.RestJson:
                response.ContentType = "application/json";
                response.Headers["X-Amzn-ErrorType"] = code;
                await response.WriteAsync($"{{\"Type\":\"{(status < 500 ? "User" : "Service")}\",\"message\":\"{Json(message)}\"}}", Encoding.UTF8);
                break;
            case AwsProtocol.RestXml:
                response.ContentType = "application/xml";
                if (context.Request.Method != HttpMethods.Head)
                {
                    await response.WriteAsync(
                        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{Xml(code)}</Code><Message>{Xml(message)}</Message><RequestId>{requestId}</RequestId></Error>",
                        Encoding.UTF8);
                }

                break;
            case AwsProtocol.Query:
                response.ContentType = "text/xml";
                var body = QueryError(code, message, status < 500, requestId, xmlNamespace);
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body);
                break;
        }
    }

    /// <summary>
    /// A JSON-protocol error of an <c>awsQueryCompatible</c> service (SQS, CloudWatch): <c>__type</c> names the model's
    /// error shape, and the <c>x-amzn-query-error</c> header carries the Query-era code SDKs raise.
    /// </summary>
    public static async Task WriteQueryCompatibleJsonAsync(HttpContext context, string contentType, string shape, string queryCode, string message, int status)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            context.Abort();
            return;
        }

        response.Clear();
        response.StatusCode = status;
        response.ContentType = contentType;
        RequestIds.Stamp(context, AwsProtocol.Json);
        response.Headers["x-amzn-query-error"] = $"{queryCode};{(status < 500 ? "Sender" : "Receiver")}";
        await response.WriteAsync($"{{\"__type\":\"{Json(shape)}\",\"message\":\"{Json(message)}\"}}", Encoding.UTF8, context.RequestAborted);
    }

    /// <summary>A Query protocol <c>&lt;ErrorResponse&gt;</c>, in the service's namespace when it has one.</summary>
    public static byte[] QueryError(string code, string message, bool sender, string requestId, string? xmlNamespace = null) =>
        Encoding.UTF8.GetBytes(
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?><ErrorResponse{(xmlNamespace is null ? "" : $" xmlns=\"{Xml(xmlNamespace)}\"")}><Error><Type>{(sender ? "Sender" : "Receiver")}</Type><Code>{Xml(code)}</Code><Message>{Xml(message)}</Message><Detail/></Error><RequestId>{Xml(requestId)}</RequestId></ErrorResponse>");

    private static string Json(string text) => JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(text);

    // A message may echo the client's input (a path, an action name); characters XML 1.0 cannot hold (controls, lone
    // surrogates) would make the whole error unreadable to the SDK's parser, so they become U+FFFD.
    private static string Xml(string text) => SecurityElement.Escape(XmlSafe(text));

    /// <summary><paramref name="text"/> with the characters XML 1.0 cannot hold replaced by U+FFFD.</summary>
    public static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(text, i++, 2);
            }
            else
            {
                safe.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\ufffd');
            }
        }

        return safe.ToString();
    }
}
