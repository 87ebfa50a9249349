using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using CsCheck;
using Pipeline.FuzzTests.Support;

namespace Pipeline.FuzzTests.Protocols;

/// <summary>
/// Mutates whole requests (method, path and query, headers, body) and checks the answer: AWS's error shape for the
/// protocol or a success, never a 500, never a stack trace, never a hang.
/// </summary>
public static class ProtocolFuzzing
{
    /// <summary>Above SQS's longest poll (20 s), which a mutated WaitTimeSeconds may ask for.</summary>
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(30);

    private static readonly string[] Methods = ["GET", "PUT", "POST", "DELETE", "HEAD", "PATCH", "OPTIONS", "FUZZ"];

    /// <summary>Headers HttpClient owns; a case cannot set them.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "Host", "Content-Length", "Transfer-Encoding", "Connection", "Upgrade", "Keep-Alive", "TE", "Trailer", "Proxy-Connection" };

    /// <summary>Tokens of the three formats and of AWS's request syntax.</summary>
    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e400", "-1", "0", "9223372036854775808", "\"\\ud800\"", "\\u0000", "{\"a\":",
        "<", ">", "</", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "&amp;", "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>",
        "&", "=", "%", "%00", "%ZZ", "%2F", "+", ".1", ".entry.1.", ".member.1.", "Action=", "Version=", "?", "/", "//", "../", "..", "#",
        "\r\n", "0\r\n\r\n", ";chunk-signature=", "FFFFFFFF", " ", "\t", "é", "\u2028", "😀", new string('a', 300), "fuzz-bucket", "fuzz-queue",
    ];

    private static readonly IReadOnlyList<byte[]> TokenBytes = Mutations.Utf8(Tokens);

    public static Gen<HttpCase> Mutated(IReadOnlyList<HttpCase> seeds) =>
        from seed in Gen.Int[0, seeds.Count - 1]
        from method in Gen.Frequency((20, Gen.Const(-1)), (1, Gen.Int[0, Methods.Length - 1]))
        from targetEdits in Gen.Frequency((2, Gen.Const(Array.Empty<Mutations.Edit>())), (1, Mutations.Edits.Array[1, 3]))
        from headerEdits in Gen.Frequency((2, Gen.Const(Array.Empty<(int, int, Mutations.Edit[])>())), (1, Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1000], Mutations.Edits.Array[1, 3]).Array[1, 3]))
        from bodyEdits in Gen.Frequency((1, Gen.Const(Array.Empty<Mutations.Edit>())), (4, Mutations.Edits.Array[1, 6]))
        select Apply(seeds[seed], method, targetEdits, headerEdits, bodyEdits);

    /// <summary>Sends one case and checks its answer; throws with the reason when the contract is broken.</summary>
    public static void Check(LocalCloudHost host, HttpCase input)
    {
        var (status, headers, body) = Bounded.RunAsync(cancellation => SendAsync(host, input.WithEndpoint(host.Endpoint), cancellation), CaseTimeout)
            .GetAwaiter().GetResult();

        Assert.False(body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception:", StringComparison.Ordinal), $"a stack trace in the answer ({status}): {body}");
        Assert.True(status is < 500 or 503 or 501, $"answered {status}: {body}");
        Assert.DoesNotContain("InternalFailure", body, StringComparison.Ordinal);
        // Kestrel refuses some requests before LocalCloud sees them (a %00 in the path): a bare 400 with no request id.
        var refusedByKestrel = status == 400 && body.Length == 0 && !headers.Headers.Contains("x-amz-request-id") && !headers.Headers.Contains("x-amzn-RequestId");
        if (status >= 400 && input.Method != "HEAD" && !refusedByKestrel)
        {
            Assert.True(IsAwsError(headers, body), $"answered {status} without AWS's error shape: {body}");
        }
    }

    /// <summary>A JSON error (<c>__type</c>, or restJson's <c>X-Amzn-ErrorType</c>), S3's <c>Error</c> or Query's <c>ErrorResponse</c>.</summary>
    public static bool IsAwsError(HttpResponseMessage headers, string body)
    {
        if (body.TrimStart().StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                return json.RootElement.ValueKind == JsonValueKind.Object
                    && (json.RootElement.TryGetProperty("__type", out var type) && type.GetString() is { Length: > 0 }
                        || headers.Headers.TryGetValues("X-Amzn-ErrorType", out _));
            }
            catch (JsonException)
            {
                return false;
            }
        }

        try
        {
            var root = XDocument.Parse(body).Root!;
            var error = root.Name.LocalName == "ErrorResponse" ? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Error") : root;
            return error?.Name.LocalName == "Error" && error.Elements().Any(e => e.Name.LocalName == "Code" && e.Value.Length > 0);
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }

    private static async Task<(int Status, HttpResponseMessage Headers, string Body)> SendAsync(LocalCloudHost host, HttpCase input, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(new HttpMethod(input.Method), ToUri(host.Endpoint, input.Target));
        if (input.Body.Length > 0 || input.Method is not ("GET" or "HEAD" or "DELETE" or "OPTIONS"))
        {
            request.Content = new ByteArrayContent(input.Body);
        }

        foreach (var (name, value) in input.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellation).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        return ((int)response.StatusCode, response, body);
    }

    /// <summary>The target as sent: what HttpClient cannot put on the wire (spaces, non-ASCII, '#') percent-encoded.</summary>
    private static Uri ToUri(Uri endpoint, string target)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(target.StartsWith('/') ? target : "/" + target))
        {
            encoded.Append(b is > 0x20 and < 0x7f and not (byte)'#' and not (byte)'\\' ? ((char)b).ToString() : $"%{b:X2}");
        }

        var text = endpoint.ToString().TrimEnd('/') + encoded;
        return Uri.TryCreate(text, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }, out var uri)
            ? uri
            : new Uri(endpoint.ToString().TrimEnd('/') + "/" + Uri.EscapeDataString(target.TrimStart('/')));
    }

    private static HttpCase Apply(HttpCase seed, int method, Mutations.Edit[] targetEdits, (int Kind, int Index, Mutations.Edit[] Edits)[] headerEdits, Mutations.Edit[] bodyEdits)
    {
        var headers = seed.Headers.ToList();
        foreach (var (kind, index, edits) in headerEdits)
        {
            switch (kind)
            {
                case 0 when headers.Count > 0:
                    headers.RemoveAt(index % headers.Count);
                    break;
                case 1 when headers.Count > 0:
                    var at = index % headers.Count;
                    headers[at] = KeyValuePair.Create(headers[at].Key, Mutations.Apply(headers[at].Value, edits, Tokens));
                    break;
                case 2:
                    headers.Add(ProtocolSeeds.HostileHeaders[index % ProtocolSeeds.HostileHeaders.Count]);
                    break;
                default:
                    var hostile = ProtocolSeeds.HostileHeaders[index % ProtocolSeeds.HostileHeaders.Count];
                    headers.RemoveAll(h => string.Equals(h.Key, hostile.Key, StringComparison.OrdinalIgnoreCase));
                    headers.Add(KeyValuePair.Create(hostile.Key, Mutations.Apply(hostile.Value, edits, Tokens)));
                    break;
            }
        }

        return new HttpCase(
            method < 0 ? seed.Method : Methods[method],
            Mutations.Apply(seed.Target, targetEdits, Tokens),
            headers.Where(h => !Reserved.Contains(h.Key)).Select(h => KeyValuePair.Create(h.Key, HeaderSafe(h.Value))).ToList(),
            Mutations.Apply(seed.Body, bodyEdits, TokenBytes));
    }

    /// <summary>A header value HttpClient sends: visible ASCII, spaces and tabs (the rest would fail in the client, not the server).</summary>
    private static string HeaderSafe(string value) =>
        string.Concat(value.Select(c => c is '\t' or (>= ' ' and < '\u007f') ? c : '?')).Trim();
}
