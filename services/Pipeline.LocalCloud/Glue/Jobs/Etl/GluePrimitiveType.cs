namespace Pipeline.LocalCloud.Glue.Jobs.Etl;

/// <summary>A scalar type, its name lower-cased; <see cref="Parameters"/> e.g. (10, 2) for <c>decimal(10,2)</c>.</summary>
internal sealed record GluePrimitiveType(string Name, IReadOnlyList<int> Parameters) : GlueType
{
    public bool Equals(GluePrimitiveType? other) => other is not null && Name == other.Name && Parameters.SequenceEqual(other.Parameters);

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
}
