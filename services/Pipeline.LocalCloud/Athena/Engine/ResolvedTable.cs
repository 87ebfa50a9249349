using Pipeline.AwsShapes.Glue;
using Pipeline.DuckDb;

namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>A catalog table as the engine reads it: format, DuckDB column types, partitions and the files it reads.</summary>
internal sealed class ResolvedTable
{
    public required string Database { get; init; }

    public required string Name { get; init; }

    public required TableFormat Format { get; init; }

    public string? Location { get; init; }

    /// <summary>The data columns: name and DuckDB type.</summary>
    public required IReadOnlyList<(string Name, string Type)> Columns { get; init; }

    public required IReadOnlyList<(string Name, string Type)> PartitionKeys { get; init; }

    public required IReadOnlyList<Partition> Partitions { get; init; }

    /// <summary>Every partition any reference of the query keeps (all partitions' indexes for an unpartitioned table: none).</summary>
    public HashSet<int> KeptPartitions { get; } = [];

    /// <summary>The files of the kept partitions (or of the table location when unpartitioned).</summary>
    public List<DataFile> Files { get; } = [];

    public bool IsPartitioned => PartitionKeys.Count > 0;

    /// <summary>A partition's values as SQL, each cast to its key's type: <c>, TRY_CAST('2026' AS INTEGER), …</c>.</summary>
    public string PartitionValues(int partition)
    {
        var values = Partitions[partition].Values ?? [];
        return string.Concat(PartitionKeys.Select((key, k) =>
            $", TRY_CAST({(k < values.Count && values[k] is { } value ? DuckDbSql.Literal(value) : "NULL")} AS {key.Type})"));
    }
}

/// <summary>One object a table reads: its file in the object store, its size, its partition (null when unpartitioned).</summary>
internal sealed record DataFile(string Path, long Size, bool Gzip, int? Partition);

/// <summary>The storage formats LocalCloud's Athena reads, from the table's SerDe and input format.</summary>
internal enum TableFormat
{
    Json,
    Parquet,
}

/// <summary>An <c>s3://bucket/prefix</c> location; <see cref="Prefix"/> is empty or ends in <c>/</c>.</summary>
internal sealed record S3Location(string Bucket, string Prefix)
{
    public static S3Location? TryParse(string? location)
    {
        if (location is null)
        {
            return null;
        }

        string rest;
        if (location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            rest = location[5..];
        }
        else if (location.StartsWith("s3a://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("s3n://", StringComparison.OrdinalIgnoreCase))
        {
            rest = location[6..];
        }
        else
        {
            return null;
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..];
        if (bucket.Length == 0)
        {
            return null;
        }

        if (prefix.Length > 0 && !prefix.EndsWith('/'))
        {
            prefix += "/";
        }

        return new S3Location(bucket, prefix);
    }

    public override string ToString() => $"s3://{Bucket}/{Prefix}";
}
