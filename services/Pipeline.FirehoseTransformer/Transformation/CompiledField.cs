using System.Text.Json;
using System.Text.RegularExpressions;
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
        Pattern = definition.Pattern is null
            ? null
            : new Regex(definition.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        EnumValues = definition.Enum?.ToDictionary(v => v, v => v.ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);
        Fields = definition.Fields?.Select(f => new CompiledField(f, $"{path}.{f.Name}", partitionKeys, alerts)).ToArray();
        Items = definition.Items is null ? null : new CompiledField(definition.Items, path + "[]", partitionKeys);
        PartitionKeys = partitionKeys.Where(k => k.Field == path).ToArray();
        IsAlertStatus = alerts is not null && alerts.Field == path;
        IsAlertGroup = alerts is not null && alerts.GroupBy == path;
    }

    public FieldDefinition Definition { get; }

    /// <summary>Dotted path from the record root, as error messages and partition keys name it.</summary>
    public string Path { get; }

    public JsonEncodedText EncodedName { get; }

    public Regex? Pattern { get; }

    /// <summary>Allowed values, matched case-insensitively, mapped to their lower-case form.</summary>
    public Dictionary<string, string>? EnumValues { get; }

    public CompiledField[]? Fields { get; }

    public CompiledField? Items { get; }

    /// <summary>Partition keys taken from this field's normalised value.</summary>
    public PartitionKeyDefinition[] PartitionKeys { get; }

    /// <summary>The dataset's alerting status field (<see cref="DatasetDefinition.StatusAlerts"/>).</summary>
    public bool IsAlertStatus { get; }

    /// <summary>The field status alerts are broken down by.</summary>
    public bool IsAlertGroup { get; }

    public static CompiledField[] CompileTopLevel(DatasetDefinition dataset) =>
        dataset.Fields.Select(f => new CompiledField(f, f.Name, dataset.LambdaPartitionKeys, dataset.StatusAlerts)).ToArray();
}
