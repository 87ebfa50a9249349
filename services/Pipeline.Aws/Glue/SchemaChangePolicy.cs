namespace Pipeline.Aws.Glue;

/// <summary>What a crawler does on a schema change: <c>UPDATE_IN_DATABASE</c>/<c>LOG</c>; on deletion <c>LOG</c>, <c>DELETE_FROM_DATABASE</c>, <c>DEPRECATE_IN_DATABASE</c>.</summary>
public sealed record SchemaChangePolicy
{
    public string? UpdateBehavior { get; init; }

    public string? DeleteBehavior { get; init; }
}
