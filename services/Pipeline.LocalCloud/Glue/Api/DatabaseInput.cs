namespace Pipeline.LocalCloud.Glue.Api;

/// <summary>CreateDatabase's database.</summary>
internal sealed record DatabaseInput
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? LocationUri { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }
}
