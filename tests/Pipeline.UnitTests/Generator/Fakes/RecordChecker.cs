using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Contracts.Datasets;

namespace Pipeline.UnitTests.Generator.Fakes;

/// <summary>
/// A small, independent reading of a dataset's rules (types, required fields, ranges, lengths, enums, patterns,
/// array sizes), to check generated records against <c>datasets.json</c> without trusting the generator's own code.
/// </summary>
internal static class RecordChecker
{
    /// <summary>Everything wrong with <paramref name="json"/> as a record of <paramref name="dataset"/>; empty when valid.</summary>
    public static IReadOnlyList<string> Problems(ReadOnlySpan<byte> json, DatasetDefinition dataset)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException e)
        {
            return [$"not JSON: {e.Message}"];
        }

        using (document)
        {
            var problems = new List<string>();
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add("not an object");
                return problems;
            }

            CheckObject(document.RootElement, dataset.Fields, "", problems);
            return problems;
        }
    }

    private static void CheckObject(JsonElement element, IReadOnlyList<FieldDefinition> fields, string prefix, List<string> problems)
    {
        foreach (var field in fields)
        {
            var path = prefix + field.Name;
            if (!element.TryGetProperty(field.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (field.Required)
                {
                    problems.Add($"{path}: missing");
                }

                continue;
            }

            CheckValue(value, field, path, problems);
        }
    }

    private static void CheckValue(JsonElement value, FieldDefinition field, string path, List<string> problems)
    {
        switch (field.Type)
        {
            case FieldType.String:
                if (value.ValueKind != JsonValueKind.String)
                {
                    problems.Add($"{path}: not a string");
                    return;
                }

                var text = value.GetString()!.Trim();
                if (field.Enum is { } choices && !choices.Contains(text, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add($"{path}: '{text}' not in enum");
                }

                if (text.Length < (field.MinLength ?? 0) || text.Length > (field.MaxLength ?? int.MaxValue))
                {
                    problems.Add($"{path}: length {text.Length} outside bounds");
                }

                if (field.Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant))
                {
                    problems.Add($"{path}: '{text}' does not match {pattern}");
                }

                break;
            case FieldType.Int or FieldType.Long:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var integer))
                {
                    problems.Add($"{path}: not an integer");
                    return;
                }

                CheckRange(integer, field, path, problems);
                break;
            case FieldType.Double:
                if (value.ValueKind != JsonValueKind.Number)
                {
                    problems.Add($"{path}: not a number");
                    return;
                }

                CheckRange(value.GetDouble(), field, path, problems);
                break;
            case FieldType.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{path}: not a boolean");
                }

                break;
            case FieldType.Timestamp:
                if (value.ValueKind != JsonValueKind.String
                    || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                    || !Regex.IsMatch(value.GetString()!, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")
                    || instant.Year is < 1970 or > 2100)
                {
                    problems.Add($"{path}: not an ISO-8601 timestamp");
                }

                break;
            case FieldType.Struct:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{path}: not an object");
                    return;
                }

                CheckObject(value, field.Fields!, path + ".", problems);
                break;
            case FieldType.Array:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{path}: not an array");
                    return;
                }

                if (value.GetArrayLength() > (field.MaxItems ?? int.MaxValue))
                {
                    problems.Add($"{path}: too many items");
                }

                foreach (var item in value.EnumerateArray())
                {
                    CheckValue(item, field.Items!, path + "[]", problems);
                }

                break;
        }
    }

    private static void CheckRange(double number, FieldDefinition field, string path, List<string> problems)
    {
        if (number < (field.Min ?? double.MinValue) || number > (field.Max ?? double.MaxValue))
        {
            problems.Add($"{path}: {number.ToString(CultureInfo.InvariantCulture)} out of range");
        }
    }
}
