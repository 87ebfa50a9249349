using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Datasets;

/// <summary>One field of a dataset's schema, with the rules a value must meet.</summary>
public sealed record FieldDefinition
{
    /// <summary>Name as it appears in the record (snake_case). Empty for array items.</summary>
    public string Name { get; init; } = "";

    public FieldType Type { get; init; }

    public bool Required { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    [JsonPropertyName("min_length")]
    public int? MinLength { get; init; }

    [JsonPropertyName("max_length")]
    public int? MaxLength { get; init; }

    /// <summary>A regular expression the whole (trimmed) string must match.</summary>
    public string? Pattern { get; init; }

    /// <summary>Allowed values of a string field; matched case-insensitively and normalised to lower case.</summary>
    public IReadOnlyList<string>? Enum { get; init; }

    /// <summary>The fields of a <see cref="FieldType.Struct"/>.</summary>
    public IReadOnlyList<FieldDefinition>? Fields { get; init; }

    /// <summary>The element definition of an <see cref="FieldType.Array"/>.</summary>
    public FieldDefinition? Items { get; init; }

    [JsonPropertyName("max_items")]
    public int? MaxItems { get; init; }
}
