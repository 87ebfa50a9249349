namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary><c>struct&lt;a:string,b:bigint&gt;</c>; also a file's whole row.</summary>
internal sealed record HiveStruct(IReadOnlyList<HiveField> Fields) : HiveType
{
    public override string ToString() => "struct<" + string.Join(',', Fields.Select(f => f.Name + ":" + f.Type)) + ">";

    public bool Equals(HiveStruct? other) =>
        other is not null && Fields.Count == other.Fields.Count && Fields.SequenceEqual(other.Fields);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
