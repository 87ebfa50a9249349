namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>A Hive column type as the catalog spells it (<c>bigint</c>, <c>struct&lt;a:string&gt;</c>, …).</summary>
internal abstract record HiveType
{
    /// <summary>The Hive type string.</summary>
    public abstract override string ToString();
}

/// <summary>A scalar type: <c>string</c>, <c>int</c>, <c>bigint</c>, <c>double</c>, <c>boolean</c>, <c>timestamp</c>, <c>decimal(10,2)</c>, …</summary>
internal sealed record HivePrimitive(string Name) : HiveType
{
    public static HivePrimitive String { get; } = new("string");

    public static HivePrimitive Int { get; } = new("int");

    public static HivePrimitive BigInt { get; } = new("bigint");

    public static HivePrimitive Double { get; } = new("double");

    public static HivePrimitive Boolean { get; } = new("boolean");

    public static HivePrimitive Timestamp { get; } = new("timestamp");

    public override string ToString() => Name;
}

/// <summary><c>struct&lt;a:string,b:bigint&gt;</c>; also a file's whole row.</summary>
internal sealed record HiveStruct(IReadOnlyList<HiveField> Fields) : HiveType
{
    public override string ToString() => "struct<" + string.Join(',', Fields.Select(f => f.Name + ":" + f.Type)) + ">";

    public bool Equals(HiveStruct? other) =>
        other is not null && Fields.Count == other.Fields.Count && Fields.SequenceEqual(other.Fields);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}

/// <summary><c>array&lt;element&gt;</c>.</summary>
internal sealed record HiveArray(HiveType Element) : HiveType
{
    public override string ToString() => "array<" + Element + ">";
}

/// <summary><c>map&lt;key,value&gt;</c>, from Parquet maps.</summary>
internal sealed record HiveMap(HiveType Key, HiveType Value) : HiveType
{
    public override string ToString() => "map<" + Key + "," + Value + ">";
}

/// <summary>
/// A field seen only as JSON <c>null</c>: no type yet. It takes the type of the same field elsewhere and is written
/// as <c>string</c> when nothing else is known, as Glue's JSON classifier does.
/// </summary>
internal sealed record HiveUnknown : HiveType
{
    public static HiveUnknown Instance { get; } = new();

    public override string ToString() => "string";
}

/// <summary>A named member of a struct, or a table column.</summary>
internal sealed record HiveField(string Name, HiveType Type);
