namespace Pipeline.DuckDb;

/// <summary>
/// Quoting for the places where DuckDB takes no parameters (COPY … TO targets, CREATE … names, PRAGMAs).
/// Everywhere else, pass values as parameters instead.
/// </summary>
public static class DuckDbSql
{
    /// <summary>A string literal: <c>it's</c> becomes <c>'it''s'</c>.</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A quoted identifier: <c>my "table"</c> becomes <c>"my ""table"""</c>.</summary>
    public static string Identifier(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
