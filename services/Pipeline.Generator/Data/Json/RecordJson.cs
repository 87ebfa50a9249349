using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Pipeline.Generator.Data.Json;

/// <summary>
/// How records are written: the writer options every generator's output goes through, text encoded once for them,
/// and the values the generators write often, written without the writer's general paths.
/// </summary>
public static class RecordJson
{
    /// <summary>Records are data, never embedded in HTML: "+", "&amp;" and accented letters stay readable.</summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = Encoder, SkipValidation = true };

    /// <summary>A constant string (a name, a catalogue value) escaped once, exactly as the writer would escape it.</summary>
    public static JsonEncodedText Encode(string text) => JsonEncodedText.Encode(text, Encoder);

    /// <summary>
    /// Each value of an enum as the contract's serialiser writes it (its <c>JsonStringEnumMemberName</c>), encoded,
    /// indexed by the value's number (the enums of the records count from 0).
    /// </summary>
    public static JsonEncodedText[] EnumNames<T>(JsonTypeInfo<T> typeInfo)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var names = new JsonEncodedText[values.Length];
        foreach (var value in values)
        {
            using var document = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
            names[Convert.ToInt32(value, CultureInfo.InvariantCulture)] = Encode(document.RootElement.GetString()!);
        }

        return names;
    }

    /// <summary>
    /// A number rounded to <paramref name="places"/> decimals (by <c>Math.Round</c>), with the bytes
    /// <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, double)"/> would write, only faster.
    /// </summary>
    public static void WriteRounded(this Utf8JsonWriter writer, JsonEncodedText name, double value, int places)
    {
        Span<byte> text = stackalloc byte[RoundedNumber.MaxLength];
        if (RoundedNumber.TryFormat(value, places, text, out var length))
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(text[..length], skipInputValidation: true);
        }
        else
        {
            writer.WriteNumber(name, value);
        }
    }

    /// <summary>A UUID in the text <see cref="RandomizerExtensions.UuidV4"/> gives, written without a string.</summary>
    public static void WriteUuid(this Utf8JsonWriter writer, JsonEncodedText name, Guid value)
    {
        // A UUID needs no escaping: its text goes in as it is, quotes and all.
        Span<byte> text = stackalloc byte[38];
        value.TryFormat(text[1..], out _, "D");
        text[0] = (byte)'"';
        text[^1] = (byte)'"';
        writer.WritePropertyName(name);
        writer.WriteRawValue(text, skipInputValidation: true);
    }
}
