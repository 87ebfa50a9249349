using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Pipeline.LocalCloud.Glue.Crawlers.Crawling;

namespace Pipeline.LocalCloud.Athena.Results;

/// <summary>
/// Athena's text for each column of a query's DuckDB result, read the way the column's DuckDB type (from DESCRIBE)
/// calls for. Scalars go through DuckDB.NET's typed getters, which read the vector without boxing. Nested values
/// (LIST, ARRAY, STRUCT, MAP, UNION) are fetched as DuckDB's <c>to_json</c> and rendered by their declared type:
/// DuckDB.NET cannot read a LIST or MAP of numbers that holds a NULL, and JSON keeps every nested NULL and every field
/// in order. A TIMESTAMP WITH TIME ZONE is read as an instant, which DuckDB.NET's plain value would not say.
/// </summary>
internal sealed class ResultFormatter
{
    private const string Alias = "__athena_result";
    private const string Column = "__athena_c";

    private readonly Func<DuckDBDataReader, int, string?>[] _readers;
    private readonly bool[] _nested;

    public ResultFormatter(IReadOnlyList<string> duckDbTypes)
    {
        _readers = new Func<DuckDBDataReader, int, string?>[duckDbTypes.Count];
        _nested = new bool[duckDbTypes.Count];
        for (var i = 0; i < duckDbTypes.Count; i++)
        {
            var type = duckDbTypes[i].Trim();
            _nested[i] = IsNested(type);
            _readers[i] = _nested[i] ? Nested(type) : Scalar(type);
        }
    }

    /// <summary>
    /// The query to run: <paramref name="sql"/> itself, or, when a column is nested, a projection over it that turns
    /// nested columns into JSON. <paramref name="shift"/> is how far the wrapper moves <paramref name="sql"/> on its
    /// first line, for error positions.
    /// </summary>
    public string Wrap(string sql, out int shift)
    {
        shift = 0;
        if (!Array.Exists(_nested, n => n))
        {
            return sql;
        }

        // The alias's column list renames the columns by position, so duplicate or odd names need no quoting.
        var names = _nested.Select((_, i) => Column + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var prefix = "SELECT " + string.Join(", ", names.Select((name, i) => _nested[i] ? $"to_json({name})" : name)) + " FROM (";
        shift = prefix.Length;

        // The newline ends a trailing -- comment of the query before the closing parenthesis.
        return $"{prefix}{sql}\n) AS {Alias}({string.Join(", ", names)})";
    }

    public string? Format(DuckDBDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : _readers[column](reader, column);

    private static Func<DuckDBDataReader, int, string?> Scalar(string type)
    {
        var upper = type.ToUpperInvariant();
        if (upper.StartsWith("DECIMAL", StringComparison.Ordinal))
        {
            return (r, i) => r.GetDecimal(i).ToString(CultureInfo.InvariantCulture);
        }

        return upper switch
        {
            "VARCHAR" => (r, i) => r.GetString(i),
            "BOOLEAN" => (r, i) => r.GetBoolean(i) ? "true" : "false",
            "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" =>
                (r, i) => r.GetInt64(i).ToString(CultureInfo.InvariantCulture),
            "DOUBLE" => (r, i) => ValueText.JavaDouble(r.GetDouble(i)),
            "FLOAT" => (r, i) => ValueText.JavaDouble(r.GetFloat(i)),
            "TIMESTAMP" or "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" => (r, i) => ValueText.Format(r.GetDateTime(i)),
            "TIMESTAMP WITH TIME ZONE" => (r, i) => ValueText.Format(r.GetFieldValue<DateTimeOffset>(i)),
            "DATE" => (r, i) => ValueText.Format(r.GetFieldValue<DateOnly>(i)),
            _ => (r, i) => ValueText.Format(r.GetValue(i)),
        };
    }

    private static Func<DuckDBDataReader, int, string?> Nested(string type)
    {
        HiveType declared;
        try
        {
            declared = DuckDbTypeParser.Parse(type, FileFormat.Parquet);
        }
        catch (FormatException)
        {
            // Rendered as DuckDB's JSON, unchanged.
            declared = HivePrimitive.String;
        }

        return (r, i) =>
        {
            using var json = JsonDocument.Parse(r.GetString(i));
            return ValueText.Nested(json.RootElement, declared);
        };
    }

    private static bool IsNested(string type) =>
        type.EndsWith(']')
        || type.StartsWith("STRUCT(", StringComparison.OrdinalIgnoreCase)
        || type.StartsWith("MAP(", StringComparison.OrdinalIgnoreCase)
        || type.StartsWith("UNION(", StringComparison.OrdinalIgnoreCase);
}
