namespace Pipeline.Aws.Glue;

// The shapes of the catalog operations a Glue job script calls (GetTable, CreateTable, UpdateTable,
// BatchGetPartition, BatchCreatePartition): the members the local Glue job reads and writes, as in glue.json.

/// <summary>A table to create or to replace (CreateTable, UpdateTable).</summary>
public sealed record TableInput
{
    public required string Name { get; init; }

    public string? TableType { get; init; }

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    public IReadOnlyList<Column>? PartitionKeys { get; init; }

    public StorageDescriptor? StorageDescriptor { get; init; }
}

/// <summary>A partition to add (BatchCreatePartition).</summary>
public sealed record PartitionInput
{
    public required IReadOnlyList<string> Values { get; init; }

    public StorageDescriptor? StorageDescriptor { get; init; }

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}

/// <summary>How a table's files are read and written: the SerDe and its parameters.</summary>
public sealed record SerDeInfo
{
    public string? Name { get; init; }

    public string? SerializationLibrary { get; init; }

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}

/// <summary>A partition BatchCreatePartition did not add, and why.</summary>
public sealed record PartitionError(IReadOnlyList<string>? PartitionValues, ErrorDetail? ErrorDetail);

/// <summary>An error code and message inside a batch answer.</summary>
public sealed record ErrorDetail(string? ErrorCode, string? ErrorMessage);

/// <summary>The values of one partition to get (BatchGetPartition's PartitionsToGet).</summary>
public sealed record PartitionValueList(IReadOnlyList<string> Values);

internal sealed record GetTableInput(string DatabaseName, string Name);

internal sealed record GetTableOutput(Table? Table);

internal sealed record TableInputRequest(string DatabaseName, TableInput TableInput);

internal sealed record BatchCreatePartitionInput(string DatabaseName, string TableName, IReadOnlyList<PartitionInput> PartitionInputList);

internal sealed record BatchCreatePartitionOutput(IReadOnlyList<PartitionError>? Errors);

internal sealed record BatchGetPartitionInput(string DatabaseName, string TableName, IReadOnlyList<PartitionValueList> PartitionsToGet);

internal sealed record BatchGetPartitionOutput(IReadOnlyList<Partition>? Partitions, IReadOnlyList<PartitionValueList>? UnprocessedKeys);
