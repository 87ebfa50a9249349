namespace Pipeline.LocalCloud.Athena.Api;

/// <summary>A query's state; times are epoch seconds.</summary>
internal sealed record QueryExecutionStatus
{
    public QueryExecutionState State { get; init; }

    public string? StateChangeReason { get; init; }

    public double SubmissionDateTime { get; init; }

    public double? CompletionDateTime { get; init; }

    public AthenaError? AthenaError { get; init; }
}
