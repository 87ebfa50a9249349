namespace Pipeline.Contracts.Aws.EventBridge;

/// <summary>Detail of "Glue Job State Change".</summary>
public sealed record GlueJobStateChange
{
    public const string DetailType = "Glue Job State Change";

    public required string JobName { get; init; }

    public required string JobRunId { get; init; }

    public required GlueJobRunState State { get; init; }

    public string? Severity { get; init; }

    public string? Message { get; init; }
}
