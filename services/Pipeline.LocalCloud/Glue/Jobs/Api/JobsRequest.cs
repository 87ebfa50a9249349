namespace Pipeline.LocalCloud.Glue.Jobs.Api;

/// <summary>The members of every job operation's request; each operation reads its own.</summary>
internal sealed record JobsRequest
{
    // CreateJob: the definition at the top level.
    public string? Name { get; init; }

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

    // The rest.
    public string? JobName { get; init; }

    public JobUpdate? JobUpdate { get; init; }

    public string? JobRunId { get; init; }

    public string? RunId { get; init; }

    public Dictionary<string, string>? Arguments { get; init; }

    public List<string>? JobRunIds { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    public JobUpdate Definition() => new()
    {
        Description = Description,
        LogUri = LogUri,
        Role = Role,
        ExecutionProperty = ExecutionProperty,
        Command = Command,
        DefaultArguments = DefaultArguments,
        NonOverridableArguments = NonOverridableArguments,
        MaxRetries = MaxRetries,
        Timeout = Timeout,
        MaxCapacity = MaxCapacity,
        WorkerType = WorkerType,
        NumberOfWorkers = NumberOfWorkers,
        GlueVersion = GlueVersion,
        ExecutionClass = ExecutionClass,
    };
}
