using Pipeline.AwsShapes.Glue;

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
}
