namespace Pipeline.LocalCloud.Athena.Api;

internal sealed record QueryExecutionContext
{
    public string? Database { get; init; }

    public string? Catalog { get; init; }
}
