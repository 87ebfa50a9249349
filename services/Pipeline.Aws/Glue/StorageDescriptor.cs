namespace Pipeline.Aws.Glue;

/// <summary>Where and how a table's or partition's data is stored (the members the pipeline reads).</summary>
public sealed record StorageDescriptor
{
    public IReadOnlyList<Column>? Columns { get; init; }

    public string? Location { get; init; }

    public string? InputFormat { get; init; }

    public string? OutputFormat { get; init; }

    public bool? Compressed { get; init; }

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}
