namespace Pipeline.LocalCloud.Athena.Api;

/// <summary>
/// The members of every Athena request LocalCloud serves; like Glue's, the operations share member names, so one
/// record reads them all. <see cref="WorkGroup"/> is a name in every operation that has it.
/// </summary>
internal sealed record AthenaRequest
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public WorkGroupConfiguration? Configuration { get; init; }

    public WorkGroupConfigurationUpdates? ConfigurationUpdates { get; init; }

    public WorkGroupState? State { get; init; }

    public string? WorkGroup { get; init; }

    public bool? RecursiveDeleteOption { get; init; }

    public string? QueryString { get; init; }

    public string? ClientRequestToken { get; init; }

    public QueryExecutionContext? QueryExecutionContext { get; init; }

    public ResultConfiguration? ResultConfiguration { get; init; }

    public string? QueryExecutionId { get; init; }

    public List<string>? QueryExecutionIds { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }
}
