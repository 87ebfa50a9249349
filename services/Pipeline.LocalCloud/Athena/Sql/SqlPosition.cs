namespace Pipeline.LocalCloud.Athena.Sql;

/// <summary>Athena's <c>line L:C</c> position prefix, from a character offset into the query text.</summary>
internal static class SqlPosition
{
    // DuckDB marks "no position" with the largest unsigned value.
    public static string Of(string sql, long offset)
    {
        if (offset < 0 || offset > sql.Length)
        {
            offset = 0;
        }

        var line = 1;
        var column = 1;
        for (var i = 0; i < offset; i++)
        {
            if (sql[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return $"line {line}:{column}";
    }
}
