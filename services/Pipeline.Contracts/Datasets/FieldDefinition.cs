using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Datasets;

/// <summary>One field of a dataset's schema, with the rules a value must meet.</summary>
public sealed record FieldDefinition
{
    /// <summary>Name as it appears in the record (snake_case). Empty for array items.</summary>
    public string Name { get; set; } = "";

    public FieldType Type { get; set; }

    public bool Required { get; set; }

    public double? Min { get; set; }

    public double? Max { get; set; }

    [JsonPropertyName("min_length")]
    public int? MinLength { get; set; }

    [JsonPropertyName("max_length")]
    public int? MaxLength { get; set; }

    /// <summary>A regular expression the whole (trimmed) string must match.</summary>
    public string? Pattern { get; set; }

    /// <summary>Allowed values of a string field; matched case-insensitively and normalised to lower case.</summary>
    public IReadOnlyList<string>? Enum { get; set; }

    /// <summary>The fields of a <see cref="FieldType.Struct"/>.</summary>
    public IReadOnlyList<FieldDefinition>? Fields { get; set; }

    /// <summary>The element definition of an <see cref="FieldType.Array"/>.</summary>
    public FieldDefinition? Items { get; set; }

    [JsonPropertyName("max_items")]
    public int? MaxItems { get; set; }
}
