using System.Text;
using System.Text.Json;
using Pipeline.Contracts.Datasets;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>A field definition prepared once per dataset: encoded name, compiled pattern, enum lookup.</summary>
internal sealed class CompiledField
{
    public CompiledField(FieldDefinition definition, string path, IReadOnlyList<PartitionKeyDefinition> partitionKeys, StatusAlertDefinition? alerts = null)
    {
        Definition = definition;
        Path = path;
        EncodedName = JsonEncodedText.Encode(definition.Name);
        Pattern = definition.Pattern is null ? null : new Utf8Pattern(definition.Pattern);
        EnumValues = definition.Enum?.ToDictionary(v => v, v => v.ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);
        if (definition.Enum is { } values && values.All(v => Ascii.IsValid(v)))
        {
            AsciiEnum = values.Select(v => (Encoding.ASCII.GetBytes(v), v.ToLowerInvariant())).ToArray();
        }
        Fields = definition.Fields?.Select(f => new CompiledField(f, $"{path}.{f.Name}", partitionKeys, alerts)).ToArray();
        Items = definition.Items is null ? null : new CompiledField(definition.Items, path + "[]", partitionKeys);
        PartitionKeys = partitionKeys.Where(k => k.Field == path).ToArray();
        IsAlertStatus = alerts is not null && alerts.Field == path;
        IsAlertGroup = alerts is not null && alerts.GroupBy == path;
        CopiesShortestNumbers = definition.Min is null && definition.Max is null && PartitionKeys.Length == 0;
    }

    public FieldDefinition Definition { get; }

    /// <summary>Dotted path from the record root, as error messages and partition keys name it.</summary>
    public string Path { get; }

    public JsonEncodedText EncodedName { get; }

    public Utf8Pattern? Pattern { get; }

    /// <summary>Allowed values, matched case-insensitively, mapped to their lower-case form.</summary>
    public Dictionary<string, string>? EnumValues { get; }

    /// <summary>
    /// When every allowed value is ASCII: each value's bytes and its lower-case form, so ASCII text is matched
    /// without a string (<see cref="EnumValues"/> stays the rule for anything else).
    /// </summary>
    public (byte[] Value, string Canonical)[]? AsciiEnum { get; }

    public CompiledField[]? Fields { get; }

    public CompiledField? Items { get; }

    /// <summary>Partition keys taken from this field's normalised value.</summary>
    public PartitionKeyDefinition[] PartitionKeys { get; }

    /// <summary>The dataset's alerting status field (<see cref="DatasetDefinition.StatusAlerts"/>).</summary>
    public bool IsAlertStatus { get; }

    /// <summary>The field status alerts are broken down by.</summary>
    public bool IsAlertGroup { get; }

    /// <summary>A number with no range and no partition key: in shortest form it is copied without being parsed.</summary>
    public bool CopiesShortestNumbers { get; }

    public static CompiledField[] CompileTopLevel(DatasetDefinition dataset) =>
        dataset.Fields.Select(f => new CompiledField(f, f.Name, dataset.LambdaPartitionKeys, dataset.StatusAlerts)).ToArray();
}
