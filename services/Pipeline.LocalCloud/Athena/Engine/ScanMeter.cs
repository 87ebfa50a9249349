using DuckDB.NET.Data;
using Pipeline.DuckDb;
using Pipeline.LocalCloud.Athena.Sql;

namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>
/// Athena's DataScannedInBytes. JSON (and any row format) is read whole: every byte, compressed, of every file of
/// every kept partition. Parquet is read by column: the compressed column chunks of the leaf columns the query
/// references (all row groups), plus each file's footer (its length, the 4-byte length and the magic). A reference
/// to a struct counts all its leaves, a reference to one of its fields only that field's leaves; <c>*</c> counts all;
/// <c>count(*)</c> counts footers only. Each reference of a table counts again, as each is a scan.
/// </summary>
internal static class ScanMeter
{
    public static long Measure(DuckDBConnection connection, ResolvedTable table, IReadOnlyCollection<int>? partitions, TableReference reference, QueryAnalysis analysis)
    {
        var files = table.Files.Where(f => partitions is null || (f.Partition is { } p && partitions.Contains(p))).ToList();
        if (files.Count == 0)
        {
            return 0;
        }

        if (table.Format == TableFormat.Json)
        {
            return files.Sum(f => f.Size);
        }

        var paths = ReferencedPaths(table, reference, analysis);
        var list = FileList(files);
        long total = 0;
        if (paths.Count > 0)
        {
            using var chunks = connection.Query($"SELECT path_in_schema, sum(total_compressed_size)::BIGINT FROM parquet_metadata({list}) GROUP BY ALL");
            while (chunks.Read())
            {
                var leaf = chunks.GetString(0).Split(", ");
                if (paths.Any(p => Overlaps(p, leaf)))
                {
                    total += chunks.GetInt64(1);
                }
            }
        }

        total += connection.ExecuteScalar<long>($"SELECT coalesce(sum(footer_size), 0)::BIGINT + 8 * count(*) FROM parquet_file_metadata({list})");
        return total;
    }

    /// <summary>The column paths (from the column name down) of <paramref name="table"/> the query uses.</summary>
    public static List<string[]> ReferencedPaths(ResolvedTable table, TableReference reference, QueryAnalysis analysis)
    {
        var paths = new List<string[]>();
        var name = reference.Alias ?? reference.Name;
        if (analysis.Stars.Any(s => s.Length == 0 || string.Equals(s, name, StringComparison.OrdinalIgnoreCase)))
        {
            paths.AddRange(table.Columns.Select(c => new[] { c.Name }));
            return paths;
        }

        foreach (var columnPath in analysis.ColumnPaths)
        {
            for (var i = 0; i < columnPath.Count; i++)
            {
                if (table.Columns.Any(c => string.Equals(c.Name, columnPath[i], StringComparison.OrdinalIgnoreCase)))
                {
                    paths.Add(columnPath.Skip(i).ToArray());
                    break;
                }
            }
        }

        return paths;
    }

    public static string FileList(IEnumerable<DataFile> files) => "[" + string.Join(", ", files.Select(f => DuckDbSql.Literal(f.Path))) + "]";

    // A referenced path uses a leaf when one is a prefix of the other: [s] uses "s, x"; [s, x] uses "s, x";
    // [tags] uses "tags, list, element".
    private static bool Overlaps(string[] referenced, string[] leaf)
    {
        var n = Math.Min(referenced.Length, leaf.Length);
        for (var i = 0; i < n; i++)
        {
            if (!string.Equals(referenced[i], leaf[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
