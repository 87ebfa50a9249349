using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline.AwsShapes.Athena;

namespace Pipeline.LocalCloud.Athena.Sql;

/// <summary>
/// Glue (Hive) column types as DuckDB types: <c>struct&lt;a:bigint,b:array&lt;string&gt;&gt;</c> →
/// <c>STRUCT("a" BIGINT, "b" VARCHAR[])</c>. Unknown names throw <see cref="FormatException"/>.
/// </summary>
internal static class HiveTypes
{
    private static readonly Dictionary<string, string> Scalars = new(StringComparer.Ordinal)
    {
        ["string"] = "VARCHAR",
        ["int"] = "INTEGER",
        ["integer"] = "INTEGER",
        ["bigint"] = "BIGINT",
        ["smallint"] = "SMALLINT",
        ["tinyint"] = "TINYINT",
        ["double"] = "DOUBLE",
        ["float"] = "FLOAT",
        ["real"] = "FLOAT",
        ["boolean"] = "BOOLEAN",
        ["timestamp"] = "TIMESTAMP",
        ["date"] = "DATE",
        ["binary"] = "BLOB",
    };

    public static string ToDuckDb(string hiveType)
    {
        var position = 0;
        var result = Parse(hiveType, ref position);
        SkipSpaces(hiveType, ref position);
        if (position != hiveType.Length)
        {
            throw new FormatException($"Unexpected '{hiveType[position..]}' in type '{hiveType}'.");
        }

        return result;
    }

    private static string Parse(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
        {
            position++;
        }

        var name = text[start..position].ToLowerInvariant();
        switch (name)
        {
            case "array":
            {
                Expect(text, ref position, '<');
                var element = Parse(text, ref position);
                Expect(text, ref position, '>');
                return element + "[]";
            }

            case "map":
            {
                Expect(text, ref position, '<');
                var key = Parse(text, ref position);
                Expect(text, ref position, ',');
                var value = Parse(text, ref position);
                Expect(text, ref position, '>');
                return $"MAP({key}, {value})";
            }

            case "struct":
            {
                Expect(text, ref position, '<');
                var fields = new StringBuilder("STRUCT(");
                var first = true;
                SkipSpaces(text, ref position);
                while (position < text.Length && text[position] != '>')
                {
                    if (!first)
                    {
                        Expect(text, ref position, ',');
                    }

                    SkipSpaces(text, ref position);
                    var colon = text.IndexOf(':', position);
                    if (colon < 0)
                    {
                        throw new FormatException($"A struct field without a type in '{text}'.");
                    }

                    var field = text[position..colon].Trim().Trim('`');
                    position = colon + 1;
                    var type = Parse(text, ref position);
                    fields.Append(first ? "" : ", ").Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\" ").Append(type);
                    first = false;
                    SkipSpaces(text, ref position);
                }

                Expect(text, ref position, '>');
                return fields.Append(')').ToString();
            }

            case "decimal":
            case "numeric":
            {
                var arguments = Arguments(text, ref position);
                var precision = arguments.Count > 0 ? arguments[0] : 10;
                var scale = arguments.Count > 1 ? arguments[1] : 0;
                return $"DECIMAL({precision},{scale})";
            }

            case "varchar":
            case "char":
                Arguments(text, ref position);
                return "VARCHAR";
            default:
                return Scalars.TryGetValue(name, out var scalar) ? scalar : throw new FormatException($"Unknown type '{name}' in '{text}'.");
        }
    }

    private static List<int> Arguments(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        var values = new List<int>();
        if (position >= text.Length || text[position] != '(')
        {
            return values;
        }

        var close = text.IndexOf(')', position);
        if (close < 0)
        {
            throw new FormatException($"Unclosed '(' in '{text}'.");
        }

        foreach (var part in text[(position + 1)..close].Split(','))
        {
            values.Add(int.Parse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture));
        }

        position = close + 1;
        return values;
    }

    private static void Expect(string text, ref int position, char expected)
    {
        SkipSpaces(text, ref position);
        if (position >= text.Length || text[position] != expected)
        {
            throw new FormatException($"Expected '{expected}' at {position} in '{text}'.");
        }

        position++;
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}

/// <summary>
/// A result column's DuckDB type (as DESCRIBE spells it) as the ColumnInfo Athena gives for the Trino type it maps
/// to: type name, precision and scale as Athena reports them.
/// </summary>
internal static partial class AthenaTypes
{
    public static ColumnInfo Column(string name, string duckDbType)
    {
        var (type, precision, scale) = Map(duckDbType);
        return new ColumnInfo
        {
            CatalogName = "hive",
            SchemaName = "",
            TableName = "",
            Name = name,
            Label = name,
            Type = type,
            Precision = precision,
            Scale = scale,
            Nullable = "UNKNOWN",
            CaseSensitive = type == "varchar",
        };
    }

    public static (string Type, int Precision, int Scale) Map(string duckDbType)
    {
        var type = duckDbType.Trim();
        if (type.EndsWith(']'))
        {
            return ("array", 0, 0);
        }

        if (type.StartsWith("STRUCT", StringComparison.OrdinalIgnoreCase))
        {
            return ("row", 0, 0);
        }

        if (type.StartsWith("MAP", StringComparison.OrdinalIgnoreCase))
        {
            return ("map", 0, 0);
        }

        var decimalMatch = DecimalPattern().Match(type);
        if (decimalMatch.Success)
        {
            return ("decimal", int.Parse(decimalMatch.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(decimalMatch.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        return type.ToUpperInvariant() switch
        {
            "VARCHAR" => ("varchar", int.MaxValue, 0),
            "BIGINT" or "HUGEINT" or "UBIGINT" or "UHUGEINT" => ("bigint", 19, 0),
            "INTEGER" or "UINTEGER" => ("integer", 10, 0),
            "SMALLINT" or "USMALLINT" => ("smallint", 5, 0),
            "TINYINT" or "UTINYINT" => ("tinyint", 3, 0),
            "DOUBLE" => ("double", 17, 0),
            "FLOAT" => ("float", 7, 0),
            "BOOLEAN" => ("boolean", 0, 0),
            "DATE" => ("date", 0, 0),
            "TIMESTAMP WITH TIME ZONE" => ("timestamp with time zone", 3, 0),
            "TIMESTAMP" or "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" => ("timestamp", 3, 0),
            "TIME" => ("time", 3, 0),
            "INTERVAL" => ("interval day to second", 0, 0),
            "BLOB" => ("varbinary", int.MaxValue, 0),
            "UUID" => ("uuid", 0, 0),
            _ => ("unknown", 0, 0),
        };
    }

    [GeneratedRegex(@"^DECIMAL\((\d+),\s*(\d+)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex DecimalPattern();
}
