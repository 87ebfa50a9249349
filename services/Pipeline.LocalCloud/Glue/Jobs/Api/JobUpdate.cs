namespace Pipeline.LocalCloud.Glue.Jobs.Api;

/// <summary>A job's definition as CreateJob and UpdateJob take it; UpdateJob replaces the whole definition, as Glue does.</summary>
internal sealed record JobUpdate
{
    public string? Description { get; init; }

    public string? LogUri { get; init; }

    public string? Role { get; init; }

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
