namespace Pipeline.LocalCloud.Glue.Api;

/// <summary>A column; <see cref="Type"/> is a Hive type string (<c>bigint</c>, <c>array&lt;string&gt;</c>, …) kept as given.</summary>
internal sealed record Column
{
    public string? Name { get; init; }

    public string? Type { get; init; }

    public string? Comment { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }
}
