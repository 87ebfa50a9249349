using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Xml;

namespace Pipeline.LocalCloud.Protocols;

/// <summary>
/// A Query-protocol answer written from a generated output shape: <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;…
/// &lt;/ActionResult&gt;&lt;ResponseMetadata&gt;</c> in the service's namespace. The shape is first serialized by its
/// source-generated type info (so nothing is reflected; with <see cref="TimestampConverter"/> for timestamps), then
/// walked in the model's member order: a structure as elements of its members, a list as <c>member</c> elements, a map
/// (a member named in <c>maps</c>) as <c>entry</c> elements of <c>key</c> and <c>value</c>, absent members omitted.
/// </summary>
internal static class QueryXml
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        // A value keeps its carriage returns, which XML parsers would otherwise fold into line feeds.
        NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary>An operation's output as <see cref="Response"/> walks it: a handler's result for <see cref="QueryProtocol"/>.</summary>
    public static object Result<T>(T output, JsonTypeInfo<T> type) => JsonSerializer.SerializeToElement(output, type);

    /// <summary>The answer; <paramref name="result"/> is null for an operation with no output members (no Result element).</summary>
    public static byte[] Response(string xmlNamespace, string action, JsonElement? result, string requestId, IReadOnlySet<string>? maps = null)
    {
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, Settings))
        {
            w.WriteStartElement(action + "Response", xmlNamespace);
            if (result is { } members)
            {
                w.WriteStartElement(action + "Result", xmlNamespace);
                WriteMembers(w, xmlNamespace, members, maps ?? new HashSet<string>());
                w.WriteEndElement();
            }

            w.WriteStartElement("ResponseMetadata", xmlNamespace);
            w.WriteElementString("RequestId", xmlNamespace, requestId);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        return stream.ToArray();
    }

    private static void WriteMembers(XmlWriter w, string ns, JsonElement structure, IReadOnlySet<string> maps)
    {
        foreach (var member in structure.EnumerateObject())
        {
            w.WriteStartElement(member.Name, ns);
            if (maps.Contains(member.Name) && member.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in member.Value.EnumerateObject())
                {
                    w.WriteStartElement("entry", ns);
                    w.WriteElementString("key", ns, entry.Name);
                    w.WriteStartElement("value", ns);
                    WriteValue(w, ns, entry.Value, maps);
                    w.WriteEndElement();
                    w.WriteEndElement();
                }
            }
            else
            {
                WriteValue(w, ns, member.Value, maps);
            }

            w.WriteEndElement();
        }
    }

    private static void WriteValue(XmlWriter w, string ns, JsonElement value, IReadOnlySet<string> maps)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteMembers(w, ns, value, maps);
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    w.WriteStartElement("member", ns);
                    WriteValue(w, ns, item, maps);
                    w.WriteEndElement();
                }

                break;
            case JsonValueKind.String:
                w.WriteString(value.GetString());
                break;
            default:
                // Numbers as JSON writes them (shortest round-trip form), booleans as true/false.
                w.WriteString(value.GetRawText());
                break;
        }
    }

    /// <summary>The Query protocol's timestamps: ISO 8601 in UTC with milliseconds.</summary>
    public sealed class TimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
    }
}
