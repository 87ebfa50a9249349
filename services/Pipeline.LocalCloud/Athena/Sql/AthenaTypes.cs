using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.LocalCloud.Athena.Api;

namespace Pipeline.LocalCloud.Athena.Sql;

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
