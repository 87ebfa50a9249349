using System.Text;
using Pipeline.DuckDb;

namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>
/// The DuckDB SELECT behind a catalog table: <c>read_json</c> with the catalog's columns and types, or
/// <c>read_parquet</c> cast to them, over the kept files; partition keys come from the catalog's partition values,
/// joined by file name, so the data need not repeat them and hive-style paths are not required.
/// </summary>
internal static class ViewBuilder
{
    private const string FileColumn = "__athena_file";

    public static string Build(ResolvedTable table)
    {
        var projection = new StringBuilder();
        foreach (var (name, type) in table.Columns)
        {
            Separator(projection).Append(table.Format == TableFormat.Parquet ? $"TRY_CAST(r.{DuckDbSql.Identifier(name)} AS {type})" : $"r.{DuckDbSql.Identifier(name)}").Append(" AS ").Append(DuckDbSql.Identifier(name));
        }

        foreach (var (name, _) in table.PartitionKeys)
        {
            Separator(projection).Append("p.").Append(DuckDbSql.Identifier(name));
        }

        if (table.Files.Count == 0)
        {
            var empty = new StringBuilder();
            foreach (var (name, type) in table.Columns.Concat(table.PartitionKeys))
            {
                Separator(empty).Append("NULL::").Append(type).Append(" AS ").Append(DuckDbSql.Identifier(name));
            }

            return $"SELECT {empty} WHERE false";
        }

        var source = Source(table);
        if (!table.IsPartitioned)
        {
            return $"SELECT {projection} FROM ({source}) r";
        }

        var values = new StringBuilder();
        foreach (var file in table.Files)
        {
            Separator(values).Append('(').Append(DuckDbSql.Literal(file.Path));
            var partitionValues = table.Partitions[file.Partition!.Value].Values;
            for (var k = 0; k < table.PartitionKeys.Count; k++)
            {
                var value = k < partitionValues.Count ? partitionValues[k] : null;
                values.Append(", TRY_CAST(").Append(value is null ? "NULL" : DuckDbSql.Literal(value)).Append(" AS ").Append(table.PartitionKeys[k].Type).Append(')');
            }

            values.Append(')');
        }

        var keys = string.Concat(table.PartitionKeys.Select(k => ", " + DuckDbSql.Identifier(k.Name)));
        return $"SELECT {projection} FROM ({source}) r JOIN (VALUES {values}) p({FileColumn}{keys}) ON r.{FileColumn} = p.{FileColumn}";
    }

    private static string Source(ResolvedTable table)
    {
        if (table.Format == TableFormat.Parquet)
        {
            return $"SELECT * FROM read_parquet({ScanMeter.FileList(table.Files)}, union_by_name = true, filename = '{FileColumn}')";
        }

        var columns = new StringBuilder("{");
        foreach (var (name, type) in table.Columns)
        {
            columns.Append(columns.Length == 1 ? "" : ", ").Append(DuckDbSql.Literal(name)).Append(": ").Append(DuckDbSql.Literal(type));
        }

        columns.Append('}');
        var parts = new List<string>();
        foreach (var group in table.Files.GroupBy(f => f.Gzip))
        {
            parts.Add($"SELECT * FROM read_json({ScanMeter.FileList(group)}, columns = {columns}, format = 'newline_delimited', compression = '{(group.Key ? "gzip" : "uncompressed")}', filename = '{FileColumn}')");
        }

        return string.Join(" UNION ALL ", parts);
    }

    private static StringBuilder Separator(StringBuilder builder) => builder.Length == 0 ? builder : builder.Append(", ");
}
