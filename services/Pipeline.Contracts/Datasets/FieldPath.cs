namespace Pipeline.Contracts.Datasets;

/// <summary>Resolves dotted field paths such as <c>vehicle_status.speed_kmh</c> against a schema.</summary>
public static class FieldPath
{
    public static FieldDefinition? Resolve(IReadOnlyList<FieldDefinition> fields, string path)
    {
        FieldDefinition? current = null;
        var level = fields;
        foreach (var part in path.Split('.'))
        {
            current = level?.FirstOrDefault(f => f.Name == part);
            if (current is null)
            {
                return null;
            }

            level = current.Fields;
        }

        return current;
    }
}
