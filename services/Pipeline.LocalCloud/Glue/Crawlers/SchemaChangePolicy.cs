namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>What a crawler does to tables whose data changed or vanished (UPDATE_IN_DATABASE, LOG, DEPRECATE_IN_DATABASE, …).</summary>
internal sealed record SchemaChangePolicy
{
    public string? UpdateBehavior { get; init; }

    public string? DeleteBehavior { get; init; }
}
