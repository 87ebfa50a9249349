namespace Pipeline.LocalCloud.Glue.Api;

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
