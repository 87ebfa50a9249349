using System.Text.RegularExpressions;

namespace Pipeline.Contracts.Datasets;

/// <summary>Checks a dataset description when it is loaded, so a mistake fails at start-up, not per record.</summary>
internal static class DatasetValidator
{
    private static readonly Regex NamePattern = new("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant);

    public static void EnsureValid(DatasetDefinition dataset)
    {
        if (!NamePattern.IsMatch(dataset.Name))
        {
            throw new InvalidDatasetException(
                $"Dataset name '{dataset.Name}' must be lower-case snake_case (letters, digits, '_'), at most 64 characters.");
        }

        if (dataset.Fields.Count == 0)
        {
            throw new InvalidDatasetException($"Dataset '{dataset.Name}' has no fields.");
        }

        CheckFields(dataset.Name, dataset.Fields, "");
        RequireTopLevel(dataset, dataset.IdField, FieldType.String, "id_field");
        RequireTopLevel(dataset, dataset.TimeField, FieldType.Timestamp, "time_field");

        if (dataset.StatusAlerts is { } alerts)
        {
            CheckStatusAlerts(dataset, alerts);
        }

        foreach (var key in dataset.LambdaPartitionKeys)
        {
            var field = FieldPath.Resolve(dataset.Fields, key.Field)
                ?? throw new InvalidDatasetException($"Dataset '{dataset.Name}': partition key '{key.Name}' names unknown field '{key.Field}'.");
            if (field.Type is FieldType.Struct or FieldType.Array)
            {
                throw new InvalidDatasetException($"Dataset '{dataset.Name}': partition key '{key.Name}' must come from a scalar field.");
            }

            if (key.Format is not null && field.Type != FieldType.Timestamp)
            {
                throw new InvalidDatasetException($"Dataset '{dataset.Name}': partition key '{key.Name}' has a format but '{key.Field}' is not a timestamp.");
            }
        }
    }

    private static void CheckStatusAlerts(DatasetDefinition dataset, StatusAlertDefinition alerts)
    {
        foreach (var (role, path) in new[] { ("status_alerts.field", alerts.Field), ("status_alerts.group_by", alerts.GroupBy) })
        {
            var field = FieldPath.Resolve(dataset.Fields, path);
            if (field is null || field.Type != FieldType.String)
            {
                throw new InvalidDatasetException($"Dataset '{dataset.Name}': {role} '{path}' must name a string field.");
            }
        }

        if (alerts.Values.Count == 0)
        {
            throw new InvalidDatasetException($"Dataset '{dataset.Name}': status_alerts.values names no status.");
        }

        // Enum values are normalised to lower case, so an alert value must be one of them as the record will have it.
        var status = FieldPath.Resolve(dataset.Fields, alerts.Field)!;
        if (status.Enum is { } allowed && alerts.Values.FirstOrDefault(v => !allowed.Any(a => a.ToLowerInvariant() == v)) is { } unknown)
        {
            throw new InvalidDatasetException(
                $"Dataset '{dataset.Name}': status_alerts value '{unknown}' is not one of {alerts.Field}'s values in lower case ({string.Join(", ", allowed)}).");
        }
    }

    private static void RequireTopLevel(DatasetDefinition dataset, string name, FieldType type, string role)
    {
        var field = dataset.Fields.FirstOrDefault(f => f.Name == name);
        if (field is null || field.Type != type || !field.Required)
        {
            throw new InvalidDatasetException(
                $"Dataset '{dataset.Name}': {role} '{name}' must be a required top-level {type.ToString().ToLowerInvariant()} field.");
        }
    }

    private static void CheckFields(string dataset, IReadOnlyList<FieldDefinition> fields, string parent)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var path = parent + field.Name;
            if (!seen.Add(field.Name))
            {
                throw new InvalidDatasetException($"Dataset '{dataset}': field '{path}' is defined twice.");
            }

            CheckField(dataset, field, path);
        }
    }

    private static void CheckField(string dataset, FieldDefinition field, string path)
    {
        if (field.Pattern is not null)
        {
            try
            {
                _ = new Regex(field.Pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDatasetException($"Dataset '{dataset}': field '{path}' has an invalid pattern: {e.Message}", e);
            }
        }

        if (field.Min is not null && field.Max is not null && field.Min > field.Max)
        {
            throw new InvalidDatasetException($"Dataset '{dataset}': field '{path}' has min greater than max.");
        }

        switch (field.Type)
        {
            case FieldType.Struct when field.Fields is null || field.Fields.Count == 0:
                throw new InvalidDatasetException($"Dataset '{dataset}': struct field '{path}' has no fields.");
            case FieldType.Struct:
                CheckFields(dataset, field.Fields, path + ".");
                break;
            case FieldType.Array when field.Items is null:
                throw new InvalidDatasetException($"Dataset '{dataset}': array field '{path}' has no items definition.");
            case FieldType.Array:
                CheckField(dataset, field.Items, path + "[]");
                break;
        }
    }
}
