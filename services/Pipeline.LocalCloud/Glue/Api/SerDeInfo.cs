namespace Pipeline.LocalCloud.Glue.Api;

/// <summary>How rows are (de)serialized, e.g. <c>org.openx.data.jsonserde.JsonSerDe</c>.</summary>
internal sealed record SerDeInfo
{
    public string? Name { get; init; }

    public string? SerializationLibrary { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }
}
