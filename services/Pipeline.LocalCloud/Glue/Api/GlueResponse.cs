namespace Pipeline.LocalCloud.Glue.Api;

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
