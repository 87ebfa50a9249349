namespace Pipeline.LocalCloud.Glue.Api;

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
