namespace Pipeline.Aws.Glue;

/// <summary>A catalog column: name and Hive type (<c>string</c>, <c>struct&lt;…&gt;</c>, …).</summary>
public sealed record Column
{
    public required string Name { get; init; }

    public string? Type { get; init; }

    public string? Comment { get; init; }
}
