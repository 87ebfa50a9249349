namespace Pipeline.Aws.Glue;

/// <summary>Where and how a table's or partition's data is stored (the members the pipeline reads and the local Glue job writes).</summary>
public sealed record StorageDescriptor
{
    public IReadOnlyList<Column>? Columns { get; init; }

    public string? Location { get; init; }

    public string? InputFormat { get; init; }

    public string? OutputFormat { get; init; }

    public bool? Compressed { get; init; }

    public int? NumberOfBuckets { get; init; }

    public SerDeInfo? SerdeInfo { get; init; }

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}
