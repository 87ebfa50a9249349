namespace Pipeline.LocalCloud.Glue.Jobs.Api;

/// <summary>A job definition as GetJob answers it; times are epoch seconds, as Glue's JSON protocol sends them.</summary>
internal sealed record Job
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? LogUri { get; init; }

    public string? Role { get; init; }

    public double? CreatedOn { get; init; }

    public double? LastModifiedOn { get; init; }

    public ExecutionProperty? ExecutionProperty { get; init; }

    public JobCommand? Command { get; init; }

    public Dictionary<string, string>? DefaultArguments { get; init; }

    public Dictionary<string, string>? NonOverridableArguments { get; init; }

    public int? MaxRetries { get; init; }

    public int? Timeout { get; init; }

    public double? MaxCapacity { get; init; }

    public string? WorkerType { get; init; }

    public int? NumberOfWorkers { get; init; }

    public string? GlueVersion { get; init; }

    public string? ExecutionClass { get; init; }
}
