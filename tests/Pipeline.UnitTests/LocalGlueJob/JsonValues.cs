using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.UnitTests.LocalGlueJob;

/// <summary>DuckDB values as the flatten vectors write them, and a comparison that treats 0 and 0.0 alike.</summary>
internal static class JsonValues
{
    public static JsonNode? FromDuckDb(object? value) => value switch
    {
        null or DBNull => null,
        DateTime t => JsonValue.Create(t.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        float f => JsonValue.Create(f),
        Dictionary<string, object?> map => new JsonObject(map.Select(kv => KeyValuePair.Create(kv.Key, FromDuckDb(kv.Value)))),
        IList list => new JsonArray(list.Cast<object?>().Select(FromDuckDb).ToArray()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    public static bool Equivalent(JsonElement expected, JsonElement actual)
    {
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            return expected.GetDecimal() == actual.GetDecimal();
        }

        if (expected.ValueKind != actual.ValueKind)
        {
            return false;
        }

        return expected.ValueKind switch
        {
            JsonValueKind.Object => expected.EnumerateObject().Select(p => p.Name).SequenceEqual(actual.EnumerateObject().Select(p => p.Name))
                && expected.EnumerateObject().All(p => Equivalent(p.Value, actual.GetProperty(p.Name))),
            JsonValueKind.Array => expected.GetArrayLength() == actual.GetArrayLength()
                && expected.EnumerateArray().Zip(actual.EnumerateArray()).All(pair => Equivalent(pair.First, pair.Second)),
            JsonValueKind.String => expected.GetString() == actual.GetString(),
            _ => true,
        };
    }
}
