using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.FuzzTests.Protocols;

/// <summary>
/// One HTTP request as the fuzzer builds it. <see cref="ToString"/> is the corpus format (JSON: method, target,
/// headers as name/value pairs, body as text or base64), so a failing case printed by CsCheck is committed as is
/// under <c>Corpus/protocols/</c>. <c>{endpoint}</c> in the target, headers or body stands for LocalCloud's address.
/// </summary>
public sealed record HttpCase(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public const string EndpointToken = "{endpoint}";

    public static HttpCase Parse(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var headers = node["headers"]?.AsArray().Select(h => KeyValuePair.Create((string)h![0]!, (string)h[1]!)).ToList() ?? [];
        var body = node["bodyBase64"] is { } base64 ? Convert.FromBase64String((string)base64!) : Encoding.UTF8.GetBytes((string?)node["body"] ?? "");
        return new HttpCase((string)node["method"]!, (string)node["target"]!, headers, body);
    }

    public HttpCase WithEndpoint(Uri endpoint)
    {
        var address = endpoint.ToString().TrimEnd('/');
        var bodyText = Encoding.UTF8.GetString(Body);
        return this with
        {
            Target = Target.Replace(EndpointToken, address, StringComparison.Ordinal),
            Headers = Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.Replace(EndpointToken, address, StringComparison.Ordinal))).ToList(),
            Body = bodyText.Contains(EndpointToken, StringComparison.Ordinal) && Encoding.UTF8.GetBytes(bodyText).AsSpan().SequenceEqual(Body)
                ? Encoding.UTF8.GetBytes(bodyText.Replace(EndpointToken, address, StringComparison.Ordinal))
                : Body,
        };
    }

    public override string ToString()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("method", Method);
            writer.WriteString("target", Target);
            writer.WriteStartArray("headers");
            foreach (var (name, value) in Headers)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(name);
                writer.WriteStringValue(value);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            if (IsText(Body))
            {
                writer.WriteString("body", Encoding.UTF8.GetString(Body));
            }
            else
            {
                writer.WriteString("bodyBase64", Convert.ToBase64String(Body));
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static bool IsText(byte[] body)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body) is var text && !text.Any(c => char.IsSurrogate(c));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
