namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>
/// Merges the schemas of the files of one table: the union of fields (recursively in structs, new fields after the
/// known ones), numbers widened (tinyint → smallint → int → bigint → float → double), anything else that disagrees
/// becomes <c>string</c>, the type that reads every value.
/// </summary>
internal static class SchemaMerger
{
    private static readonly string[] NumericOrder = ["tinyint", "smallint", "int", "bigint", "float", "double"];

    public static HiveStruct Merge(IEnumerable<HiveStruct> schemas)
    {
        HiveStruct? merged = null;
        foreach (var schema in schemas)
        {
            merged = merged is null ? schema : MergeStructs(merged, schema);
        }

        return merged ?? new HiveStruct([]);
    }

    public static HiveType Merge(HiveType left, HiveType right)
    {
        if (left is HiveUnknown)
        {
            return right;
        }

        if (right is HiveUnknown || left.Equals(right))
        {
            return left;
        }

        return (left, right) switch
        {
            (HiveStruct a, HiveStruct b) => MergeStructs(a, b),
            (HiveArray a, HiveArray b) => new HiveArray(Merge(a.Element, b.Element)),
            (HiveMap a, HiveMap b) => new HiveMap(Merge(a.Key, b.Key), Merge(a.Value, b.Value)),
            (HivePrimitive a, HivePrimitive b) when Rank(a) >= 0 && Rank(b) >= 0 => Rank(a) >= Rank(b) ? a : b,
            _ => HivePrimitive.String,
        };
    }

    public static HiveStruct MergeStructs(HiveStruct left, HiveStruct right)
    {
        var fields = left.Fields.ToList();
        foreach (var field in right.Fields)
        {
            var index = fields.FindIndex(f => string.Equals(f.Name, field.Name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                fields.Add(field);
            }
            else
            {
                fields[index] = fields[index] with { Type = Merge(fields[index].Type, field.Type) };
            }
        }

        return new HiveStruct(fields);
    }

    private static int Rank(HivePrimitive type) => Array.IndexOf(NumericOrder, type.Name);
}
