namespace Pipeline.Aws.Glue;

/// <summary>The input of CreateCrawler.</summary>
public sealed record CreateCrawlerRequest
{
    public required string Name { get; init; }

    public required string Role { get; init; }

    public required CrawlerTargets Targets { get; init; }

    public string? DatabaseName { get; init; }

    public string? Description { get; init; }

    public string? TablePrefix { get; init; }

    public SchemaChangePolicy? SchemaChangePolicy { get; init; }

    /// <summary>The crawler configuration JSON, e.g. <c>{"Version":1.0,"CrawlerOutput":{…}}</c>.</summary>
    public string? Configuration { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
