namespace Pipeline.UnitTests.Support;

/// <summary>
/// What Parquet.Net, a reader with no code in common with DuckDB, finds in one Parquet file: its columns (top-level
/// fields, typed in the catalog's words), the codec of every column chunk, the rows of each row group and the rows
/// themselves (strings as strings, arrays as arrays; an empty or null array has no entry).
/// </summary>
internal sealed record ParquetFileFacts(
    string Path,
    long Length,
    string? CreatedBy,
    IReadOnlyList<(string Name, string Type)> Columns,
    IReadOnlyList<string> Codecs,
    IReadOnlyList<long> RowGroupRows,
    long Rows,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Data)
{
    public IReadOnlyList<string> ColumnNames => [.. Columns.Select(c => c.Name)];
}
