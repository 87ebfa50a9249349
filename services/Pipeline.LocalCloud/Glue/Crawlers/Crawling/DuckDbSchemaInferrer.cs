using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Pipeline.DuckDb;

namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>
/// Reads an object's schema with DuckDB: gzip (by its magic bytes) or plain newline-delimited JSON, or Parquet (by
/// <c>PAR1</c>). DuckDB types JSON integers as BIGINT; Glue's JSON classifier says <c>int</c> when every value fits in
/// 32 bits, so one more pass over the file checks each BIGINT field's range.
/// </summary>
internal sealed class DuckDbSchemaInferrer : IFileSchemaInferrer, IDisposable
{
    private readonly Lock _lock = new();

    // One thread: the machine is shared and the files are small; the crawl reads them one by one.
    private readonly Lazy<DuckDBConnection> _connection = new(() => DuckDbConnections.OpenInMemory(threads: 1, memoryLimit: "512MB"));

    public FileSchema Infer(string path, CancellationToken cancellationToken = default)
    {
        var (format, gzip) = Classify(path);
        lock (_lock)
        {
            var connection = _connection.Value;
            using var registration = cancellationToken.Register(connection.Interrupt);
            try
            {
                return format == FileFormat.Parquet ? Parquet(connection, path) : Json(connection, path, gzip);
            }
            catch (DuckDBException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CrawlException($"{(format == FileFormat.Parquet ? "Parquet" : "JSON")} file could not be read: {e.Message}", e);
            }
        }
    }

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }

    /// <summary>Parquet by its <c>PAR1</c> magic, gzip by <c>1f 8b</c>, anything else plain JSON.</summary>
    internal static (FileFormat Format, bool Gzip) Classify(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using (var file = File.OpenRead(path))
        {
            magic = magic[..file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false)];
        }

        if (magic.SequenceEqual("PAR1"u8))
        {
            return (FileFormat.Parquet, false);
        }

        return (FileFormat.Json, magic.Length >= 2 && magic[0] == 0x1f && magic[1] == 0x8b);
    }

    private static FileSchema Parquet(DuckDBConnection connection, string path)
    {
        var columns = Describe(connection, "SELECT * FROM read_parquet(?, hive_partitioning = false)", path, FileFormat.Parquet);
        var records = connection.ExecuteScalar<long>("SELECT count(*) FROM read_parquet(?, hive_partitioning = false)", path);
        return new FileSchema(FileFormat.Parquet, false, Lower(columns), records);
    }

    private static FileSchema Json(DuckDBConnection connection, string path, bool gzip)
    {
        var source = $"read_json(?, format = 'newline_delimited', records = true, compression = '{(gzip ? "gzip" : "uncompressed")}', "
            + "sample_size = -1, maximum_depth = -1, map_inference_threshold = -1, hive_partitioning = false)";
        var columns = Describe(connection, "SELECT * FROM " + source, path, FileFormat.Json);

        // count(*) and the range of every BIGINT leaf, in one pass.
        var checks = new List<(string[] Path, string Sql)>();
        foreach (var field in columns.Fields)
        {
            CollectBigInts("[" + Identifier(field.Name) + "]", field.Type, [field.Name], checks);
        }

        var sql = new StringBuilder("SELECT count(*)");
        foreach (var check in checks)
        {
            sql.Append(", ").Append(check.Sql);
        }

        sql.Append(" FROM ").Append(source);
        using var result = connection.Query(sql.ToString(), path);
        result.Read();
        var records = result.GetInt64(0);
        var fitsInt = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < checks.Count; i++)
        {
            if (!result.IsDBNull(i + 1) && result.GetBoolean(i + 1))
            {
                fitsInt.Add(string.Join('\u0001', checks[i].Path));
            }
        }

        var refined = (HiveStruct)Narrow(columns, [], fitsInt);
        return new FileSchema(FileFormat.Json, gzip, Lower(refined), records);
    }

    private static HiveStruct Describe(DuckDBConnection connection, string select, string path, FileFormat format)
    {
        using var result = connection.Query("DESCRIBE " + select, path);
        var fields = new List<HiveField>();
        while (result.Read())
        {
            fields.Add(new HiveField(result.GetString(0), DuckDbTypeParser.Parse(result.GetString(1), format)));
        }

        return new HiveStruct(fields);
    }

    // listSql is a DuckDB list of every value at this path, so nested arrays and structs flatten into one range check.
    private static void CollectBigInts(string listSql, HiveType type, string[] path, List<(string[] Path, string Sql)> checks)
    {
        switch (type)
        {
            case HivePrimitive p when p == HivePrimitive.BigInt:
                checks.Add((path, $"coalesce(bool_and(list_bool_and(list_transform({listSql}, lambda v: v IS NULL OR v BETWEEN -2147483648 AND 2147483647))), true)"));
                break;
            case HiveStruct s:
                foreach (var field in s.Fields)
                {
                    CollectBigInts($"list_transform({listSql}, lambda s: struct_extract(s, {Literal(field.Name)}))", field.Type, [.. path, field.Name], checks);
                }

                break;
            case HiveArray a:
                CollectBigInts($"flatten({listSql})", a.Element, [.. path, "[]"], checks);
                break;
        }
    }

    private static HiveType Narrow(HiveType type, string[] path, HashSet<string> fitsInt) => type switch
    {
        HivePrimitive p when p == HivePrimitive.BigInt && fitsInt.Contains(string.Join('\u0001', path)) => HivePrimitive.Int,
        HiveStruct s => new HiveStruct(s.Fields.Select(f => f with { Type = Narrow(f.Type, [.. path, f.Name], fitsInt) }).ToList()),
        HiveArray a => new HiveArray(Narrow(a.Element, [.. path, "[]"], fitsInt)),
        _ => type,
    };

    // Glue lower-cases column names; names inside structs keep their case.
    private static HiveStruct Lower(HiveStruct columns) =>
        SchemaMerger.MergeStructs(new HiveStruct([]), new HiveStruct(columns.Fields.Select(f => f with { Name = f.Name.ToLowerInvariant() }).ToList()));

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
