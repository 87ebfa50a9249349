using System.Buffers;
using System.Diagnostics;
using System.Text.Json;

namespace Pipeline.ServiceDefaults.Tracing;

/// <summary>Puts a <c>traceparent</c> into a JSON record and reads it back, without a model of the record.</summary>
public static class RecordTraceContext
{
    private static ReadOnlySpan<byte> TraceParentUtf8 => "traceparent"u8;

    /// <summary>
    /// Writes <paramref name="json"/> (one JSON object) with its <c>traceparent</c> field set to
    /// <paramref name="context"/>, replacing any it had.
    /// </summary>
    public static byte[] Inject(ReadOnlySpan<byte> json, ActivityContext context)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A trace context can only be put into a JSON object.", nameof(json));
        }

        var buffer = new ArrayBufferWriter<byte>(json.Length + 80);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!property.NameEquals(TraceParent.FieldName))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteString(TraceParent.FieldName, TraceParent.Format(context));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads the record's <c>traceparent</c>, if it has a valid one at the top level.</summary>
    public static bool TryExtract(ReadOnlySpan<byte> json, out ActivityContext context)
    {
        context = default;

        // Most records carry no trace context: a vectorised search rules that out without tokenising the record.
        // A name written with escapes ("trace\u0070arent") still has a backslash-u, so those records are read fully.
        if (json.IndexOf(TraceParentUtf8) < 0 && json.IndexOf("\\u"u8) < 0)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTraceParent = reader.ValueTextEquals(TraceParent.FieldName);
                reader.Read();
                if (isTraceParent)
                {
                    return reader.TokenType == JsonTokenType.String && TraceParent.TryParse(reader.GetString(), out context);
                }

                reader.Skip();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // A record that is not JSON has no trace context; the caller reports the bad record itself. An escaped
            // lone surrogate (\ud800) in a name or value is InvalidOperationException from the reader, not JsonException.
        }

        return false;
    }
}
