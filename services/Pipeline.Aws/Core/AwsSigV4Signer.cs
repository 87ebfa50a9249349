using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;

namespace Pipeline.Aws.Core;

/// <summary>
/// AWS Signature Version 4 (header form) for requests whose body is in memory. The unit tests check it produces
/// AWSSDK.Core's signatures, for JSON POSTs and for encoded REST paths.
/// </summary>
/// <remarks>
/// Not delegated to AWSSDK.Core 4.1's <c>AWS4Signer.SignRequest</c>, although it now takes the signing time: it signs
/// an <c>IRequest</c> (<c>DefaultRequest</c>, in <c>Amazon.Runtime.Internal</c>, which AWS does not keep compatible)
/// wrapped around an <c>AmazonWebServiceRequest</c>, against a service <c>ClientConfig</c> whose endpoint resolution an
/// adapter could only stub; and it wants the path the way the SDK's marshallers hold it, unencoded with labels as path
/// resources, which it encodes twice itself. The thin clients send already-encoded paths (Lambda function names,
/// mapping ids), so passing the wire path signs it three times encoded; an adapter would have to turn every request
/// back into the SDK's marshalling model, which is no smaller than this and less obviously right.
/// </remarks>
public static class AwsSigV4Signer
{
    /// <summary>The algorithm name in the Authorization header.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>
    /// Signs <paramref name="request"/> in place: sets <c>Host</c>, <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c>
    /// (session credentials only) and <c>Authorization</c>. Signs <c>host</c>, <c>content-type</c> and every
    /// <c>x-amz-*</c> header already on the request; set those first and do not change them afterwards.
    /// </summary>
    /// <param name="request">An absolute-URI request whose content, if any, is <paramref name="body"/>.</param>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <param name="credentials">The access key, secret and optional session token.</param>
    /// <param name="region">The credential-scope region.</param>
    /// <param name="signingName">The credential-scope service, e.g. <c>firehose</c>.</param>
    /// <param name="signingTime">The signing time; AWS rejects signatures more than 5 minutes off.</param>
    public static void Sign(
        HttpRequestMessage request,
        ReadOnlySpan<byte> body,
        ImmutableCredentials credentials,
        string region,
        string signingName,
        DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = request.RequestUri is { IsAbsoluteUri: true } u ? u : throw new ArgumentException("The request needs an absolute URI.", nameof(request));

        var utc = signingTime.UtcDateTime;
        var amzDate = utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        request.Headers.Remove("Authorization");
        request.Headers.Remove("X-Amz-Date");
        request.Headers.Remove("X-Amz-Security-Token");
        request.Headers.Host ??= uri.Authority;
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (credentials.UseToken)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.Token);
        }

        var headers = CollectSignedHeaders(request);
        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = BuildCanonicalRequest(request.Method.Method, uri, headers, signedHeaders, HexSha256(body));
        var scope = $"{date}/{region}/{signingName}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{HexSha256(Encoding.UTF8.GetBytes(canonicalRequest))}";
        var signature = Convert.ToHexStringLower(
            HMACSHA256.HashData(SigningKey(credentials.SecretKey, date, region, signingName), Encoding.UTF8.GetBytes(stringToSign)));

        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"{Algorithm} Credential={credentials.AccessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    /// <summary>The canonical request of SigV4 step 1; public so a verifying server can rebuild it.</summary>
    public static string BuildCanonicalRequest(
        string method,
        Uri uri,
        IReadOnlyDictionary<string, string> canonicalHeaders,
        string signedHeaders,
        string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(method).Append('\n');
        builder.Append(CanonicalPath(uri)).Append('\n');
        builder.Append(CanonicalQuery(uri)).Append('\n');
        foreach (var (name, value) in canonicalHeaders)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>The SigV4 signing key for one day, region and service.</summary>
    public static byte[] SigningKey(string secretKey, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

    /// <summary>Lower-case hex SHA-256, the payload hash SigV4 uses.</summary>
    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static SortedDictionary<string, string> CollectSignedHeaders(HttpRequestMessage request)
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = request.Headers.Host!,
        };
        foreach (var header in request.Headers)
        {
            var name = header.Key.ToLowerInvariant();
            if (name.StartsWith("x-amz-", StringComparison.Ordinal))
            {
                headers[name] = string.Join(',', header.Value.Select(CanonicalValue));
            }
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            // The signed value must be byte-identical to what goes on the wire, which is the header's own rendering.
            headers["content-type"] = CanonicalValue(contentType.ToString());
        }

        return headers;
    }

    // Trim, and collapse inner runs of spaces, as SigV4 canonicalises header values.
    private static string CanonicalValue(string value)
    {
        var trimmed = value.Trim();
        if (!trimmed.Contains("  ", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (c != ' ' || builder.Length == 0 || builder[^1] != ' ')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // Services other than S3 sign the path with each segment encoded twice; Uri.AbsolutePath is the first encoding.
    private static string CanonicalPath(Uri uri)
    {
        var path = uri.AbsolutePath;
        if (string.IsNullOrEmpty(path) || path == "/")
        {
            return "/";
        }

        return string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
    }

    private static string CanonicalQuery(Uri uri)
    {
        var query = uri.Query;
        if (query.Length <= 1)
        {
            return string.Empty;
        }

        var pairs = new List<(string Name, string Value)>();
        foreach (var part in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add((Uri.EscapeDataString(Uri.UnescapeDataString(name)), Uri.EscapeDataString(Uri.UnescapeDataString(value))));
        }

        return string.Join('&', pairs
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }
}
