using Pipeline.DuckDb;

namespace Pipeline.LocalGlueJob;

/// <summary>
/// The naming and typing part of the flatten rule (docs/orchestration.md, rules 1–4), the C# twin of
/// <c>plan_columns</c> in <c>terraform/glue/pipeline_flatten.py</c>: structs become <c>parent_child</c> columns in
/// catalog order, names are snake_cased and made unique with <c>_2</c>, <c>_3</c>…, the time field becomes a timestamp.
/// </summary>
internal static class FlattenPlan
{
    /// <param name="columns">The table's data columns in catalog order, as (name, Glue type).</param>
    /// <param name="timeField">The column (a dotted path for a struct field) that becomes a <c>timestamp</c>.</param>
    /// <exception cref="FormatException">A type does not parse, or the time field is missing or not a string or timestamp.</exception>
    public static IReadOnlyList<PlannedColumn> Plan(IEnumerable<(string Name, string Type)> columns, string timeField)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var plan = new List<PlannedColumn>();
        var timePath = string.IsNullOrEmpty(timeField) ? [] : timeField.Split('.');
        var foundTime = false;

        string Take(string name)
        {
            if (taken.Add(name))
            {
                return name;
            }

            for (var suffix = 2; ; suffix++)
            {
                var candidate = $"{name}_{suffix}";
                if (taken.Add(candidate))
                {
                    return candidate;
                }
            }
        }

        void Visit(List<string> path, List<string> names, GlueType type)
        {
            if (type is GlueStructType @struct)
            {
                foreach (var field in @struct.Fields)
                {
                    Visit([.. path, field.Name], [.. names, SnakeCase.Of(field.Name)], field.Type);
                }

                return;
            }

            var typeText = GlueTypes.Format(type);
            var isTime = path.SequenceEqual(timePath) || (timePath.Length > 1 && string.Join('.', path) == timeField);
            if (isTime)
            {
                if (type is not GluePrimitiveType { Name: "string" or "varchar" or "char" or "timestamp" })
                {
                    throw new FormatException($"time field '{timeField}' has type {typeText}; it must be a string or a timestamp");
                }

                foundTime = true;
                typeText = "timestamp";
            }

            plan.Add(new PlannedColumn(path, Take(string.Join('_', names)), typeText, isTime));
        }

        foreach (var (name, typeText) in columns)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new FormatException("a column needs a non-empty name");
            }

            GlueType type;
            try
            {
                type = GlueTypes.Parse(typeText);
            }
            catch (FormatException e)
            {
                throw new FormatException($"column '{name}': {e.Message}", e);
            }

            Visit([name], [SnakeCase.Of(name)], type);
        }

        if (!string.IsNullOrEmpty(timeField) && !foundTime)
        {
            throw new FormatException($"time field '{timeField}' is not a column of the table");
        }

        return plan;
    }

    /// <summary>The output name of a source column (a dotted path for a struct field), e.g. the id field's.</summary>
    public static string OutputName(IReadOnlyList<PlannedColumn> plan, string field)
    {
        var path = field.Split('.');
        foreach (var column in plan)
        {
            if ((column.SourcePath.Count == 1 && column.SourcePath[0] == field) || column.SourcePath.SequenceEqual(path))
            {
                return column.Name;
            }
        }

        throw new FormatException($"field '{field}' is not a column of the table");
    }

    /// <summary>
    /// Rule 5: each stage partition key is a flattened column, or <c>&lt;x&gt;_date</c> derived from the time field
    /// <c>&lt;x&gt;_time</c> (or <c>&lt;x&gt;</c>) as its UTC date; any other key fails the run.
    /// </summary>
    public static IReadOnlyList<StagePartitionKey> PartitionKeys(IReadOnlyList<PlannedColumn> plan, IEnumerable<string> keys, string timeField)
    {
        var names = plan.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var timeName = OutputName(plan, timeField);
        var stem = timeName.EndsWith("_time", StringComparison.Ordinal) ? timeName[..^"_time".Length] : timeName;
        var result = new List<StagePartitionKey>();
        foreach (var key in keys)
        {
            if (names.Contains(key))
            {
                result.Add(new StagePartitionKey(key, DerivedFromTime: false));
            }
            else if (key == stem + "_date")
            {
                result.Add(new StagePartitionKey(key, DerivedFromTime: true));
            }
            else
            {
                throw new FormatException($"partition key '{key}' is not a column of the flattened table (columns: {string.Join(", ", names.Order(StringComparer.Ordinal))})");
            }
        }

        return result;
    }
}
