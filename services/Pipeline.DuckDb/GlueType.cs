namespace Pipeline.DuckDb;

/// <summary>A parsed Glue/Hive type string: <see cref="GluePrimitiveType"/>, <see cref="GlueArrayType"/>, <see cref="GlueMapType"/> or <see cref="GlueStructType"/>.</summary>
public abstract record GlueType;

/// <summary>A scalar type, its name lower-cased; <see cref="Parameters"/> e.g. (10, 2) for <c>decimal(10,2)</c>.</summary>
public sealed record GluePrimitiveType(string Name, IReadOnlyList<int> Parameters) : GlueType
{
    public bool Equals(GluePrimitiveType? other) => other is not null && Name == other.Name && Parameters.SequenceEqual(other.Parameters);

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
}

public sealed record GlueArrayType(GlueType Element) : GlueType;

public sealed record GlueMapType(GlueType Key, GlueType Value) : GlueType;

public sealed record GlueStructType(IReadOnlyList<GlueStructField> Fields) : GlueType;

public sealed record GlueStructField(string Name, GlueType Type);
