using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.AwsShapes;

/// <summary>Timestamps a JSON model marks <c>timestampFormat: iso8601</c>: <c>2024-01-02T03:04:05.678Z</c>.</summary>
public sealed class AwsIso8601TimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
        && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new JsonException($"Expected an ISO-8601 timestamp, found {reader.TokenType}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}
