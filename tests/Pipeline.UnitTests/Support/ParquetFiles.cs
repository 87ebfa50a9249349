using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace Pipeline.UnitTests.Support;

/// <summary>
/// Reads Parquet files with Parquet.Net, so that what DuckDB wrote is not judged by DuckDB alone. Shared with the
/// end-to-end tests (linked into that project).
/// </summary>
internal static class ParquetFiles
{
    /// <summary>The rows DuckDB puts in a row group unless told otherwise; the ETL job does not tell it.</summary>
    public const long DuckDbRowGroupRows = 122_880;

    public static async Task<ParquetFileFacts> ReadAsync(string path)
    {
        var length = new FileInfo(path).Length;
        IReadOnlyList<(string, string)> columns;
        List<string> codecs;
        List<long> rowGroups;
        long rows;
        string? createdBy;
        await using (var reader = await ParquetReader.CreateAsync(path))
        {
            columns = [.. reader.Schema.Fields.Select(f => (f.Name, TypeOf(f)))];
            var metadata = reader.Metadata ?? throw new InvalidDataException($"{path} has no file metadata");
            createdBy = metadata.CreatedBy;
            rows = metadata.NumRows;
            codecs = [.. metadata.RowGroups.SelectMany(g => g.Columns).Select(c => c.MetaData!.Codec.ToString()).Distinct().Order(StringComparer.Ordinal)];
            rowGroups = [];
            for (var i = 0; i < reader.RowGroupCount; i++)
            {
                using var group = reader.OpenRowGroupReader(i);
                rowGroups.Add(group.RowCount);
            }
        }

        await using var stream = File.OpenRead(path);
        var content = await ParquetSerializer.DeserializeUntypedAsync(stream);
        var data = content.Data.Select(row => (IReadOnlyDictionary<string, object?>)row.ToDictionary(kv => kv.Key, kv => Plain(kv.Value), StringComparer.Ordinal)).ToList();
        return new ParquetFileFacts(path, length, createdBy, columns, codecs, rowGroups, rows, data);
    }

    /// <summary>A field's type as the Glue catalog (and Athena) would declare it.</summary>
    public static string TypeOf(Field field) => field switch
    {
        ListField list => $"array<{TypeOf(list.Item)}>",
        MapField map => $"map<{TypeOf(map.Key)},{TypeOf(map.Value)}>",
        StructField record => "struct<" + string.Join(",", record.Fields.Select(f => $"{f.Name}:{TypeOf(f)}")) + ">",
        DateTimeDataField { DateTimeFormat: DateTimeFormat.Date } => "date",
        DateTimeDataField => "timestamp",
        DecimalDataField d => $"decimal({d.Precision},{d.Scale})",
        DataField d => ScalarType(d.ClrType),
        _ => throw new NotSupportedException($"field {field.Name} is a {field.GetType().Name}"),
    };

    private static string ScalarType(Type type) =>
        type == typeof(string) || type == typeof(ReadOnlyMemory<char>) ? "string"
        : type == typeof(double) ? "double"
        : type == typeof(float) ? "float"
        : type == typeof(long) ? "bigint"
        : type == typeof(int) ? "int"
        : type == typeof(short) ? "smallint"
        : type == typeof(sbyte) ? "tinyint"
        : type == typeof(bool) ? "boolean"
        : type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>) ? "binary"
        : type == typeof(DateOnly) ? "date"
        : throw new NotSupportedException($"no catalog type for {type}");

    // Parquet.Net hands strings inside lists out as ReadOnlyMemory<char>; tests compare strings and arrays.
    private static object? Plain(object? value) => value switch
    {
        null => null,
        string => value,
        ReadOnlyMemory<char> text => text.ToString(),
        System.Collections.IEnumerable items => items.Cast<object?>().Select(Plain).ToArray(),
        _ => value,
    };
}
