using Microsoft.AspNetCore.Http;

namespace Pipeline.LocalCloud.Hosting;

/// <summary>
/// Which service a request is for. Signed requests name it in the SigV4 credential scope
/// (<c>Credential=AKID/20260101/us-east-1/firehose/aws4_request</c>, or <c>X-Amz-Credential</c> when presigned);
/// unsigned ones are recognised by their protocol's marks. Signatures are not checked: any credentials work.
/// </summary>
public static class SigningScope
{
    private static readonly Dictionary<string, string> TargetPrefixes = new(StringComparer.Ordinal)
    {
        ["Firehose_20150804"] = "firehose",
        ["AWSGlue"] = "glue",
        ["AmazonAthena"] = "athena",
        ["AmazonSQS"] = "sqs",
        ["AWSEvents"] = "events",
    };

    public static string? ServiceOf(HttpRequest request)
    {
        var fromScope = FromCredential(request.Headers.Authorization.ToString(), "Credential=")
            ?? FromCredential(request.Query["X-Amz-Credential"].ToString(), "");
        if (fromScope is not null)
        {
            return fromScope;
        }

        var target = request.Headers["X-Amz-Target"].ToString();
        if (target.Length > 0)
        {
            var dot = target.IndexOf('.', StringComparison.Ordinal);
            return dot > 0 && TargetPrefixes.TryGetValue(target[..dot], out var service) ? service : null;
        }

        if (request.Path.StartsWithSegments("/2015-03-31/functions", StringComparison.Ordinal)
            || request.Path.StartsWithSegments("/2015-03-31/event-source-mappings", StringComparison.Ordinal))
        {
            return "lambda";
        }

        // Unsigned SQS Query requests are posted to a queue URL: /<12-digit account>/<queue name>.
        if ((request.HasFormContentType || request.Query.ContainsKey("Action"))
            && request.Path.Value?.Trim('/').Split('/') is [{ Length: 12 } account, { Length: > 0 }] && account.All(char.IsAsciiDigit))
        {
            return "sqs";
        }

        // Anything else unsigned (a browser, curl, an anonymous SDK) is taken for S3, the only REST service left.
        return "s3";
    }

    /// <summary>The service part of a credential scope: AKID/date/region/service/aws4_request.</summary>
    internal static string? FromCredential(string value, string marker)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var start = marker.Length == 0 ? 0 : value.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = value.IndexOfAny([',', ' '], start);
        var parts = (end < 0 ? value[start..] : value[start..end]).Split('/');
        return parts.Length == 5 && parts[4] == "aws4_request" && parts[3].Length > 0 ? parts[3] : null;
    }
}
