namespace Pipeline.LocalCloud.Glue.Api;

// Glue Data Catalog's wire shapes: databases, tables, partitions.

/// <summary>A column; <see cref="Type"/> is a Hive type string (<c>bigint</c>, <c>array&lt;string&gt;</c>, …) kept as given.</summary>
internal sealed record Column
{
    public string? Name { get; init; }

    public string? Type { get; init; }

    public string? Comment { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }
}

/// <summary>A catalog database; <see cref="CreateTime"/> is epoch seconds, as the JSON protocol writes timestamps.</summary>
internal sealed record Database
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public string? LocationUri { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }

    public double CreateTime { get; init; }

    public string? CatalogId { get; init; }
}

/// <summary>CreateDatabase's database.</summary>
internal sealed record DatabaseInput
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? LocationUri { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }
}

/// <summary>Why one entry of a batch failed.</summary>
internal sealed record ErrorDetail(string ErrorCode, string ErrorMessage);

/// <summary>
/// The members of every catalog request LocalCloud serves. The operations share member names and shapes, so one
/// record reads them all; members an operation does not have are simply absent from its body.
/// </summary>
internal sealed record GlueRequest
{
    public string? CatalogId { get; init; }

    public string? Name { get; init; }

    public string? DatabaseName { get; init; }

    public string? TableName { get; init; }

    public DatabaseInput? DatabaseInput { get; init; }

    public TableInput? TableInput { get; init; }

    public string? Expression { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    public List<PartitionInput>? PartitionInputList { get; init; }

    public List<string>? PartitionValues { get; init; }

    public List<PartitionValueList>? PartitionsToGet { get; init; }
}

/// <summary>The members of every catalog response LocalCloud writes; unset members are omitted, so each operation answers only its own.</summary>
internal sealed record GlueResponse
{
    public Database? Database { get; init; }

    public IReadOnlyList<Database>? DatabaseList { get; init; }

    public Table? Table { get; init; }

    public IReadOnlyList<Table>? TableList { get; init; }

    public Partition? Partition { get; init; }

    public IReadOnlyList<Partition>? Partitions { get; init; }

    public IReadOnlyList<PartitionError>? Errors { get; init; }

    public IReadOnlyList<PartitionValueList>? UnprocessedKeys { get; init; }

    public string? NextToken { get; init; }
}

/// <summary>A table's partition; times are epoch seconds.</summary>
internal sealed record Partition
{
    public required List<string> Values { get; init; }

    public required string DatabaseName { get; init; }

    public required string TableName { get; init; }

    public double CreationTime { get; init; }

    public double? LastAccessTime { get; init; }

    public StorageDescriptor? StorageDescriptor { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }

    public string? CatalogId { get; init; }
}

/// <summary>A partition BatchCreatePartition did not create, and why.</summary>
internal sealed record PartitionError(List<string> PartitionValues, ErrorDetail ErrorDetail);

/// <summary>BatchCreatePartition's partition: its values in the order of the table's partition keys.</summary>
internal sealed record PartitionInput
{
    public List<string>? Values { get; init; }

    public double? LastAccessTime { get; init; }

    public StorageDescriptor? StorageDescriptor { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }
}

/// <summary>One partition's values, as BatchGetPartition names them.</summary>
internal sealed record PartitionValueList
{
    public List<string>? Values { get; init; }
}

/// <summary>How rows are (de)serialized, e.g. <c>org.openx.data.jsonserde.JsonSerDe</c>.</summary>
internal sealed record SerDeInfo
{
    public string? Name { get; init; }

    public string? SerializationLibrary { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }
}

/// <summary>Where a table's or partition's data lives and how it is laid out.</summary>
internal sealed record StorageDescriptor
{
    public List<Column>? Columns { get; init; }

    public string? Location { get; init; }

    public string? InputFormat { get; init; }

    public string? OutputFormat { get; init; }

    public bool? Compressed { get; init; }

    public int? NumberOfBuckets { get; init; }

    public SerDeInfo? SerdeInfo { get; init; }

    public List<string>? BucketColumns { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }

    public bool? StoredAsSubDirectories { get; init; }
}

/// <summary>A catalog table; times are epoch seconds.</summary>
internal sealed record Table
{
    public required string Name { get; init; }

    public required string DatabaseName { get; init; }

    public string? Description { get; init; }

    public string? Owner { get; init; }

    public double CreateTime { get; init; }

    public double UpdateTime { get; init; }

    public int? Retention { get; init; }

    public string? TableType { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }

    public List<Column>? PartitionKeys { get; init; }

    public StorageDescriptor? StorageDescriptor { get; init; }

    public string? CatalogId { get; init; }

    public bool IsRegisteredWithLakeFormation { get; init; }
}

/// <summary>CreateTable's and UpdateTable's table.</summary>
internal sealed record TableInput
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Owner { get; init; }

    public string? TableType { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }

    public List<Column>? PartitionKeys { get; init; }

    public StorageDescriptor? StorageDescriptor { get; init; }

    public int? Retention { get; init; }
}
