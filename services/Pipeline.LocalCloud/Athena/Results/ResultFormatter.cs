using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Pipeline.LocalCloud.Glue.Crawlers.Crawling;

namespace Pipeline.LocalCloud.Athena.Results;

/// <summary>
/// Athena's text for each column of a query's DuckDB result, chosen by the column's DuckDB type. Nested values (LIST,
/// ARRAY, STRUCT, MAP, UNION) are fetched as DuckDB's <c>to_json</c> and rendered by their declared type: DuckDB.NET
/// cannot read a LIST or MAP of numbers that holds a NULL, and JSON keeps every nested NULL and every field in order.
/// A TIMESTAMP WITH TIME ZONE is read as an instant, which DuckDB.NET's plain value would not say.
/// </summary>
internal sealed class ResultFormatter
{
    private const string Alias = "__athena_result";
    private const string Column = "__athena_c";

    private readonly HiveType?[] _nested;
    private readonly bool[] _instant;

    public ResultFormatter(IReadOnlyList<string> duckDbTypes)
    {
        _nested = new HiveType?[duckDbTypes.Count];
        _instant = new bool[duckDbTypes.Count];
        for (var i = 0; i < duckDbTypes.Count; i++)
        {
            var type = duckDbTypes[i].Trim();
            _instant[i] = type.Equals("TIMESTAMP WITH TIME ZONE", StringComparison.OrdinalIgnoreCase);
            if (IsNested(type))
            {
                try
                {
                    _nested[i] = DuckDbTypeParser.Parse(type, FileFormat.Parquet);
                }
                catch (FormatException)
                {
                    // Rendered as DuckDB's JSON, unchanged.
                    _nested[i] = HivePrimitive.String;
                }
            }
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
        if (Array.TrueForAll(_nested, n => n is null))
        {
            return sql;
        }

        // The alias's column list renames the columns by position, so duplicate or odd names need no quoting.
        var select = new StringBuilder("SELECT ");
        var names = new StringBuilder();
        for (var i = 0; i < _nested.Length; i++)
        {
            var name = Column + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            select.Append(i == 0 ? "" : ", ").Append(_nested[i] is null ? name : $"to_json({name})");
            names.Append(i == 0 ? "" : ", ").Append(name);
        }

        var prefix = select.Append(" FROM (").ToString();
        shift = prefix.Length;

        // The newline ends a trailing -- comment of the query before the closing parenthesis.
        return $"{prefix}{sql}\n) AS {Alias}({names})";
    }

    public string? Format(DuckDBDataReader reader, int column)
    {
        if (reader.IsDBNull(column))
        {
            return null;
        }

        if (_nested[column] is { } type)
        {
            using var json = JsonDocument.Parse(reader.GetString(column));
            return ValueText.Nested(json.RootElement, type);
        }

        return _instant[column] ? ValueText.Format(reader.GetFieldValue<DateTimeOffset>(column)) : ValueText.Format(reader.GetValue(column));
    }

    private static bool IsNested(string type) =>
        type.EndsWith(']')
        || type.StartsWith("STRUCT(", StringComparison.OrdinalIgnoreCase)
        || type.StartsWith("MAP(", StringComparison.OrdinalIgnoreCase)
        || type.StartsWith("UNION(", StringComparison.OrdinalIgnoreCase);
}
