using System.Text.Json;

namespace Pipeline.Aws.Core;

/// <summary>Reads the AWS JSON protocol's error shape (awsJson1_0 / awsJson1_1).</summary>
public static class AwsJsonErrorParser
{
    /// <summary>The exception for <paramref name="response"/>.</summary>
    public static AwsServiceException Parse(AwsErrorResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? bodyCode = null;
        string? message = null;
        if (response.Body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    var root = document.RootElement;
                    bodyCode = String(root, "code") ?? String(root, "__type");
                    message = String(root, "message") ?? String(root, "Message") ?? String(root, "errorMessage");
                }
            }
            catch (JsonException)
            {
                // A proxy or load balancer answered with HTML or text; the status code is all there is.
            }
        }

        // Precedence per the Smithy awsJson protocols: the header, then the body's code, then __type.
        var code = SanitizeCode(response.Header("x-amzn-ErrorType")) ?? SanitizeCode(bodyCode) ?? response.FallbackCode;
        return new AwsServiceException(
            response.Service.ServiceId,
            response.Operation,
            code,
            message ?? response.FallbackMessage,
            response.StatusCode,
            response.RequestId);
    }

    /// <summary>
    /// Strips what AWS wraps around a code: everything from the first <c>:</c> (a documentation URL), then everything
    /// up to the first <c>#</c> (the Smithy namespace). <c>com.amazonaws.firehose#ResourceNotFoundException</c> becomes <c>ResourceNotFoundException</c>.
    /// </summary>
    public static string? SanitizeCode(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var code = raw.Trim();
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        return code.Length == 0 ? null : code;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
