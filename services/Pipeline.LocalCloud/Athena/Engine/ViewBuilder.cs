using System.Text.Json;
using Pipeline.DuckDb;

namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>
/// The DuckDB SELECT behind a catalog table: each JSON line transformed to the catalog's columns and types, or
/// <c>read_parquet</c> by name and cast to them, over the kept files; partition keys come from the catalog's partition values,
/// joined by file name, so the data need not repeat them and hive-style paths are not required.
/// </summary>
internal static class ViewBuilder
{
    private const string FileColumn = "__athena_file";

    public static string Build(ResolvedTable table)
    {
        if (table.Files.Count == 0)
        {
            return $"SELECT {string.Join(", ", table.Columns.Concat(table.PartitionKeys).Select(c => $"NULL::{c.Type} AS {DuckDbSql.Identifier(c.Name)}"))} WHERE false";
        }

        var projection = string.Join(", ", table.Columns
            .Select(c => (table.Format == TableFormat.Parquet ? $"TRY_CAST(r.{DuckDbSql.Identifier(c.Name)} AS {c.Type})" : $"r.{DuckDbSql.Identifier(c.Name)}") + " AS " + DuckDbSql.Identifier(c.Name))
            .Concat(table.PartitionKeys.Select(k => "p." + DuckDbSql.Identifier(k.Name))));
        var source = Source(table);
        if (!table.IsPartitioned)
        {
            return $"SELECT {projection} FROM ({source}) r";
        }

        var values = string.Join(", ", table.Files.Select(f => $"({DuckDbSql.Literal(f.Path)}{table.PartitionValues(f.Partition!.Value)})"));
        var keys = string.Concat(table.PartitionKeys.Select(k => ", " + DuckDbSql.Identifier(k.Name)));
        return $"SELECT {projection} FROM ({source}) r JOIN (VALUES {values}) p({FileColumn}{keys}) ON r.{FileColumn} = p.{FileColumn}";
    }

    private static string Source(ResolvedTable table)
    {
        // Partition keys come from the catalog, never from the path: DuckDB's hive_partitioning would otherwise add
        // a column per key=value folder of each file, so files at different depths gave the reads different shapes.
        if (table.Format == TableFormat.Parquet)
        {
            return $"SELECT * FROM read_parquet({ScanMeter.FileList(table.Files)}, union_by_name = true, hive_partitioning = false, filename = '{FileColumn}')";
        }

        var parts = new List<string>();
        foreach (var group in table.Files.GroupBy(f => f.Gzip))
        {
            var lines = $"read_json_objects({ScanMeter.FileList(group)}, format = 'newline_delimited', compression = '{(group.Key ? "gzip" : "uncompressed")}', hive_partitioning = false, filename = true)";
            parts.Add(table.Columns.Count == 0
                ? $"SELECT filename AS {FileColumn} FROM {lines}"
                : $"SELECT unnest(json_transform(json, {DuckDbSql.Literal(RowStructure(table))})), filename AS {FileColumn} FROM {lines}");
        }

        return string.Join(" UNION ALL ", parts);
    }

    /// <summary>
    /// The JSON SerDe's rule, as <c>json_transform</c>'s structure: each line is read by the table's columns, so every
    /// file has the table's shape whatever fields it has. A column (or struct member) the line lacks is NULL; a field
    /// the table lacks is ignored. A value that does not fit its column's type is NULL and the query goes on: that
    /// is what Athena's OpenX JSON SerDe (Trino's reader) does with unparsable numbers, dates and timestamps. Athena
    /// fails with HIVE_BAD_DATA for an object or array under a scalar or struct column, and reads a non-"true"
    /// boolean as false; LocalCloud reads NULL for both. Keys match case-sensitively (the SerDe's default is
    /// case-insensitive): the crawler lower-cases top-level names, so a file with upper-case keys reads NULL there.
    /// </summary>
    private static string RowStructure(ResolvedTable table)
    {
        var row = "STRUCT(" + string.Join(", ", table.Columns.Select(c => $"{DuckDbSql.Identifier(c.Name)} {c.Type}")) + ")";

        // The structure is a JSON document; a string in it is a DuckDB type.
        return "\"" + JsonEncodedText.Encode(row) + "\"";
    }
}
