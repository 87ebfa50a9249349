using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.AwsShapes;

/// <summary>
/// The JSON protocols' timestamps: epoch seconds with a fraction (<c>1700000000.123</c>). Numeric and ISO-8601
/// strings are read too, because some local stand-ins send them.
/// </summary>
public sealed class AwsEpochSecondsTimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => FromSeconds(reader.GetDouble()),
            JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) =>
                FromSeconds(seconds),
            JsonTokenType.String when DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) =>
                value,
            _ => throw new JsonException($"Expected an AWS timestamp, found {reader.TokenType}."),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        // Millisecond precision, as the AWS SDKs and services write it.
        writer.WriteNumberValue(Math.Round((value - DateTimeOffset.UnixEpoch).Ticks / (decimal)TimeSpan.TicksPerSecond, 3));

    private static DateTimeOffset FromSeconds(double seconds) =>
        double.IsFinite(seconds) && Math.Abs(seconds) < 253_402_300_800
            ? DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond))
            : throw new JsonException($"The timestamp {seconds.ToString(CultureInfo.InvariantCulture)} is out of range.");
}
