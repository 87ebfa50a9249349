using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>
/// Reads a Firehose transformation event straight from its UTF-8 bytes: one pass with <see cref="Utf8JsonReader"/>,
/// each record's base64 decoded from the event's bytes into one pooled buffer, no string per record.
/// </summary>
/// <remarks>
/// It only accepts events it reads exactly as the source-generated deserializer would (<c>AwsEventsJson.Context</c>):
/// every field of the expected type, none repeated, no escapes in the names, ids printable ASCII without escapes,
/// data unescaped. Anything else (and every malformed event) returns false, and the caller takes the typed path,
/// which answers it, or fails it, exactly as before. Firehose's own events always take this path.
/// </remarks>
public static class FirehoseEventReader
{
    private const int InitialRecords = 512;

    private static readonly string[] KinesisFields = ["shardId", "partitionKey", "approximateArrivalTimestamp", "sequenceNumber", "subsequenceNumber"];

    /// <summary>Reads the event; false when it has to go the typed way (see the remarks).</summary>
    public static bool TryRead(ReadOnlyMemory<byte> invocation, out Utf8Batch? batch)
    {
        batch = null;
        var records = ArrayPool<Utf8Record>.Shared.Rent(InitialRecords);

        // Decoded base64 is at most three quarters of its text, and all of it is inside the event.
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(invocation.Length, 16));
        try
        {
            if (TryRead(invocation.Span, ref records, buffer, out var stream, out var count))
            {
                batch = new Utf8Batch(invocation, stream, records, count, buffer);
                return true;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Malformed: the typed path reports it as it always has.
        }

        ArrayPool<Utf8Record>.Shared.Return(records, clearArray: true);
        ArrayPool<byte>.Shared.Return(buffer);
        return false;
    }

    private static bool TryRead(ReadOnlySpan<byte> json, ref Utf8Record[] records, byte[] buffer, out string stream, out int count)
    {
        stream = "";
        count = 0;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? arn = null;
        bool seenInvocation = false, seenRegion = false, seenSource = false, seenRecords = false;
        var used = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            if (reader.ValueTextEquals("records"u8))
            {
                if (seenRecords || !reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                {
                    return false;
                }

                seenRecords = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject || !TryReadRecord(json, ref reader, buffer, ref used, out var record))
                    {
                        return false;
                    }

                    if (count == records.Length)
                    {
                        var larger = ArrayPool<Utf8Record>.Shared.Rent(records.Length * 2);
                        records.CopyTo(larger, 0);
                        ArrayPool<Utf8Record>.Shared.Return(records, clearArray: true);
                        records = larger;
                    }

                    records[count++] = record;
                }

                continue;
            }

            ref var seen = ref seenInvocation;
            if (reader.ValueTextEquals("deliveryStreamArn"u8))
            {
                // A null stream fails the typed way (the event is not a transformation event).
                if (arn is not null || !reader.Read() || reader.TokenType != JsonTokenType.String || !IsPlainText(ref reader))
                {
                    return false;
                }

                arn = reader.GetString()!;
                continue;
            }

            if (reader.ValueTextEquals("invocationId"u8))
            {
                seen = ref seenInvocation;
            }
            else if (reader.ValueTextEquals("region"u8))
            {
                seen = ref seenRegion;
            }
            else if (reader.ValueTextEquals("sourceKinesisStreamArn"u8))
            {
                seen = ref seenSource;
            }
            else
            {
                // Not part of the event type: skipped, as the deserializer skips it.
                reader.Read();
                reader.Skip();
                continue;
            }

            if (seen || !TryReadOptionalString(ref reader))
            {
                return false;
            }

            seen = true;
        }

        // Only white space may follow the event (Read throws on anything else).
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || arn is null || !seenRecords)
        {
            return false;
        }

        stream = arn;
        return true;
    }

    private static bool TryReadRecord(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, byte[] buffer, ref int used, out Utf8Record record)
    {
        record = default;
        Range id = default, original = default;
        long arrival = 0;
        bool hasId = false, hasArrival = false, hasData = false, hasKinesis = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            if (reader.ValueTextEquals("data"u8))
            {
                if (hasData || !reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
                {
                    return false;
                }

                hasData = true;
                var start = (int)reader.TokenStartIndex + 1;
                original = start..(start + reader.ValueSpan.Length);
            }
            else if (reader.ValueTextEquals("recordId"u8))
            {
                // Printable ASCII without escapes is written back exactly as it came; anything else goes the typed way.
                if (hasId || !reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped
                    || reader.ValueSpan.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E))
                {
                    return false;
                }

                hasId = true;
                var start = (int)reader.TokenStartIndex + 1;
                id = start..(start + reader.ValueSpan.Length);
            }
            else if (reader.ValueTextEquals("approximateArrivalTimestamp"u8))
            {
                if (hasArrival || !reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out arrival))
                {
                    return false;
                }

                hasArrival = true;
            }
            else if (reader.ValueTextEquals("kinesisRecordMetadata"u8))
            {
                if (hasKinesis || !TryReadKinesisMetadata(ref reader))
                {
                    return false;
                }

                hasKinesis = true;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // A record without an id or data fails the typed way; a missing time is 0 there too.
        if (!hasId || !hasData)
        {
            return false;
        }

        var text = json[original];
        if (!TryDecode(text, buffer.AsSpan(used), out var written, out var decoded))
        {
            return false;
        }

        var data = buffer.AsSpan(used, written);
        var context = decoded && RecordTraceContext.TryExtract(data, out var extracted) ? extracted : (System.Diagnostics.ActivityContext?)null;
        record = new Utf8Record(id, arrival, original, used, written, decoded, context);
        used += written;
        return true;
    }

    // Convert.TryFromBase64String's answer for the same text, which the typed path asks. False: the text is not valid
    // UTF-8, which the deserializer rejects.
    private static bool TryDecode(ReadOnlySpan<byte> text, Span<byte> destination, out int written, out bool decoded)
    {
        // White space is allowed by both decoders; the rare text with a space goes through Convert's own rules.
        if (text.IndexOf((byte)' ') < 0
            && Base64.DecodeFromUtf8(text, destination, out var consumed, out written) == OperationStatus.Done
            && consumed == text.Length)
        {
            decoded = true;
            return true;
        }

        written = 0;
        decoded = false;
        if (!Ascii.IsValid(text))
        {
            // Not base64 either way; only its UTF-8 validity decides whether the typed path could read it.
            return Utf8.IsValid(text);
        }

        var chars = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        Ascii.ToUtf16(text, chars, out _);
        decoded = Convert.TryFromBase64Chars(chars, destination, out written);
        if (!decoded)
        {
            written = 0;
        }

        return true;
    }

    private static bool TryReadOptionalString(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return false;
        }

        return reader.TokenType == JsonTokenType.Null || (reader.TokenType == JsonTokenType.String && IsPlainText(ref reader));
    }

    // A string the deserializer turns into a string without fail: no escapes (those could hide a lone surrogate) and
    // valid UTF-8.
    private static bool IsPlainText(ref Utf8JsonReader reader) => !reader.ValueIsEscaped && Utf8.IsValid(reader.ValueSpan);

    // KinesisRecordMetadata: null, or an object whose known fields are strings or null; the values are not used.
    private static bool TryReadKinesisMetadata(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        Span<bool> seen = stackalloc bool[KinesisFields.Length];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var index = -1;
            for (var i = 0; i < KinesisFields.Length; i++)
            {
                if (reader.ValueTextEquals(KinesisFields[i]))
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            if (seen[index] || !TryReadOptionalString(ref reader))
            {
                return false;
            }

            seen[index] = true;
        }

        return true;
    }

}
