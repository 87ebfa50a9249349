using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.LocalCloud.Glue.Crawlers.Crawling;

namespace Pipeline.LocalCloud.Athena.Results;

/// <summary>
/// Values as Athena prints them in results: Java's double text (<c>1.0</c>, <c>1.0E10</c>), timestamps with
/// milliseconds, <c>true</c>/<c>false</c>, arrays <c>[a, b]</c>, rows and maps <c>{k=v, …}</c>. Null stays null.
/// </summary>
internal static class ValueText
{
    public static string? Format(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        bool b => b ? "true" : "false",
        double d => JavaDouble(d),
        float f => JavaDouble(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + " UTC",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexString(bytes).ToLowerInvariant(),
        Stream blob => Hex(blob),
        IDictionary map => Map(map),
        IList list => "[" + string.Join(", ", list.Cast<object?>().Select(v => Format(v) ?? "null")) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// A nested value from DuckDB's <c>to_json</c>, rendered by its declared type as <see cref="Format"/> renders the
    /// same value read from DuckDB: arrays <c>[a, b]</c>, rows and maps <c>{k=v}</c>, nested nulls as <c>null</c>.
    /// </summary>
    public static string Nested(JsonElement value, HiveType type)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return "null";
        }

        switch (type)
        {
            case HiveArray array when value.ValueKind == JsonValueKind.Array:
                return "[" + string.Join(", ", value.EnumerateArray().Select(e => Nested(e, array.Element))) + "]";
            case HiveStruct row when value.ValueKind == JsonValueKind.Object:
            {
                // to_json writes the fields in their declared order.
                var fields = value.EnumerateObject().Select((p, i) => p.Name + "=" + Nested(p.Value, i < row.Fields.Count ? row.Fields[i].Type : HivePrimitive.String));
                return "{" + string.Join(", ", fields) + "}";
            }

            case HiveMap map when value.ValueKind == JsonValueKind.Object:
                return "{" + string.Join(", ", value.EnumerateObject().Select(p => p.Name + "=" + Nested(p.Value, map.Value))) + "}";
            case HivePrimitive { Name: "double" or "float" } when value.ValueKind == JsonValueKind.Number:
                return JavaDouble(value.GetDouble());
            case HivePrimitive { Name: var name } when name.StartsWith("decimal(", StringComparison.Ordinal) && value.ValueKind == JsonValueKind.Number:
            {
                // JSON drops trailing zeros; the declared scale puts them back, as a decimal read from DuckDB keeps them.
                var scale = int.Parse(name[(name.IndexOf(',', StringComparison.Ordinal) + 1)..^1], CultureInfo.InvariantCulture);
                return value.GetDecimal().ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            }

            case HivePrimitive { Name: "timestamp" } when value.ValueKind == JsonValueKind.String:
                return Timestamp(value.GetString()!);
            case HivePrimitive { Name: "binary" } when value.ValueKind == JsonValueKind.String:
                return BlobText(value.GetString()!);
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
    }

    /// <summary>Java's <c>Double.toString</c>: plain between 10^-3 and 10^7 with at least one decimal, else <c>d.dddE±n</c>.</summary>
    public static string JavaDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // The shortest digits that read back as the value (what Java prints too), as d.ddd × 10^exponent.
        var magnitude = Math.Abs(value);
        var shortest = magnitude.ToString("R", CultureInfo.InvariantCulture);
        var significant = shortest.Split('E')[0].Replace(".", "", StringComparison.Ordinal).Trim('0').Length;
        var scientific = magnitude.ToString("E" + (significant - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Split('E');
        var digits = scientific[0].Replace(".", "", StringComparison.Ordinal);
        var exponent = int.Parse(scientific[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var sign = value < 0 ? "-" : "";
        if (magnitude >= 1e-3 && magnitude < 1e7)
        {
            // exponent is the power of ten of the first digit.
            string text;
            if (exponent >= 0)
            {
                var integer = digits.Length > exponent + 1 ? digits[..(exponent + 1)] : digits.PadRight(exponent + 1, '0');
                var fraction = digits.Length > exponent + 1 ? digits[(exponent + 1)..] : "0";
                text = integer + "." + fraction;
            }
            else
            {
                text = "0." + new string('0', -exponent - 1) + digits;
            }

            return sign + text;
        }

        var mantissa = digits.Length == 1 ? digits + ".0" : digits[0] + "." + digits[1..];
        return $"{sign}{mantissa}E{exponent.ToString(CultureInfo.InvariantCulture)}";
    }

    // DuckDB's text of a timestamp: "2024-01-02 03:04:05.5", with "+00" when it has a time zone (the session's is UTC).
    private static string Timestamp(string text)
    {
        var plus = text.LastIndexOfAny(['+', '-']);
        var zoned = plus > 10;
        var local = zoned ? text[..plus] : text;
        var dot = local.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && local.Length - dot > 8)
        {
            // DateTime keeps 100 ns; TIMESTAMP_NS has nine digits.
            local = local[..(dot + 8)];
        }

        if (!DateTime.TryParseExact(local, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return text;
        }

        return zoned ? Format(new DateTimeOffset(time, TimeSpan.Zero)) ?? text : Format(time) ?? text;
    }

    // DuckDB's text of a BLOB: printable ASCII as itself, any other byte as \xHH.
    private static string BlobText(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x' && byte.TryParse(text.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 3;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }

        return Convert.ToHexString(bytes.ToArray()).ToLowerInvariant();
    }

    private static string Hex(Stream blob)
    {
        using var copy = new MemoryStream();
        blob.CopyTo(copy);
        return Convert.ToHexString(copy.GetBuffer(), 0, (int)copy.Length).ToLowerInvariant();
    }

    private static string Map(IDictionary map)
    {
        var text = new StringBuilder("{");
        foreach (DictionaryEntry entry in map)
        {
            text.Append(text.Length == 1 ? "" : ", ").Append(Format(entry.Key)).Append('=').Append(Format(entry.Value) ?? "null");
        }

        return text.Append('}').ToString();
    }
}
