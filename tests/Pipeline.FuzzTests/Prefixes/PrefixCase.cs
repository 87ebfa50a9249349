using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.FuzzTests.Prefixes;

/// <summary>
/// A delivery stream's prefixes and what one delivery evaluates them with. <see cref="ToString"/> is the corpus
/// format of <c>Corpus/prefixes/</c> (JSON), so a printed failing case is committed as is.
/// </summary>
public sealed record PrefixCase(string Prefix, string? ErrorOutputPrefix, bool DynamicPartitioning, DateTimeOffset Instant, string TimeZone, string PartitionValue)
{
    public static PrefixCase Parse(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        return new PrefixCase(
            (string)node["prefix"]!,
            (string?)node["errorOutputPrefix"],
            (bool?)node["dynamicPartitioning"] ?? false,
            DateTimeOffset.Parse((string?)node["instant"] ?? "2026-03-14T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            (string?)node["timeZone"] ?? "UTC",
            (string?)node["partitionValue"] ?? "v");
    }

    public override string ToString()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("prefix", Prefix);
            writer.WriteString("errorOutputPrefix", ErrorOutputPrefix);
            writer.WriteBoolean("dynamicPartitioning", DynamicPartitioning);
            writer.WriteString("instant", Instant.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("timeZone", TimeZone);
            writer.WriteString("partitionValue", PartitionValue);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
