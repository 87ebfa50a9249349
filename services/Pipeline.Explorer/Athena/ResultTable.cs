using Pipeline.Aws.Athena;
using Pipeline.AwsShapes.Athena;

namespace Pipeline.Explorer.Athena;

/// <summary>A query's rows as the page draws them: the columns, then the values as Athena's text (null for NULL).</summary>
public sealed record ResultTable(IReadOnlyList<ResultColumn> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, bool Truncated)
{
    public static ResultTable Empty { get; } = new([], [], false);

    /// <summary>
    /// Shapes GetQueryResults pages into a table of at most <paramref name="maxRows"/> rows. A SELECT's first page
    /// starts with a row of column labels (Athena's way), which is dropped; SHOW and DESCRIBE (UTILITY) have none.
    /// Rows shorter than the columns are padded with nulls, so every row has one cell per column.
    /// </summary>
    public static ResultTable From(IEnumerable<GetQueryResultsPage> pages, string? statementType, int maxRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        IReadOnlyList<ResultColumn>? columns = null;
        var rows = new List<IReadOnlyList<string?>>();
        var truncated = false;
        var first = true;
        foreach (var page in pages)
        {
            columns ??= page.ResultSet?.ResultSetMetadata?.ColumnInfo?.Select(c => new ResultColumn(c.Name ?? "", c.Type ?? "")).ToArray();
            var pageRows = page.ResultSet?.Rows ?? [];
            var skip = first && !string.Equals(statementType, "UTILITY", StringComparison.Ordinal) && IsHeader(pageRows, columns) ? 1 : 0;
            first = false;
            foreach (var row in pageRows.Skip(skip))
            {
                if (rows.Count == maxRows)
                {
                    truncated = true;
                    break;
                }

                var data = row.Data ?? [];
                var width = Math.Max(columns?.Count ?? 0, data.Count);
                rows.Add([.. Enumerable.Range(0, width).Select(i => i < data.Count ? data[i].VarCharValue : null)]);
            }
        }

        return new ResultTable(columns ?? [], rows, truncated);
    }

    // The label row repeats the column names; a data row that happens to equal them is indistinguishable, as in Athena.
    private static bool IsHeader(IReadOnlyList<Row> rows, IReadOnlyList<ResultColumn>? columns) =>
        rows.Count > 0 && columns is not null && rows[0].Data?.Count == columns.Count
        && rows[0].Data!.Select(d => d.VarCharValue).SequenceEqual(columns.Select(c => c.Name), StringComparer.Ordinal);
}
