using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Aws.Glue;

/// <summary>
/// Reads <c>LastCrawl.Status</c> whatever the spelling (<c>SUCCEEDED</c>, <c>Succeeded</c>), and a value outside the API
/// model (moto reports <c>RUNNING</c> for a crawl in progress) as null rather than failing the whole GetCrawler.
/// </summary>
public sealed class LastCrawlStatusConverter : JsonConverter<LastCrawlStatus?>
{
    public override LastCrawlStatus? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"LastCrawl.Status is a JSON {reader.TokenType}, not a string.");
        }

        return reader.GetString()?.ToUpperInvariant() switch
        {
            "SUCCEEDED" => LastCrawlStatus.Succeeded,
            "CANCELLED" => LastCrawlStatus.Cancelled,
            "FAILED" => LastCrawlStatus.Failed,
            _ => null,
        };
    }

    public override void Write(Utf8JsonWriter writer, LastCrawlStatus? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case LastCrawlStatus.Succeeded: writer.WriteStringValue("SUCCEEDED"); break;
            case LastCrawlStatus.Cancelled: writer.WriteStringValue("CANCELLED"); break;
            case LastCrawlStatus.Failed: writer.WriteStringValue("FAILED"); break;
            default: throw new JsonException($"Unknown LastCrawlStatus {value}.");
        }
    }
}
