using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Athena.Api;

// Athena's wire shapes: workgroups, query executions and result sets.

/// <summary>Why a query failed: category 1 system, 2 user, 3 other; the type is from Athena's error catalog.</summary>
internal sealed record AthenaError
{
    public int ErrorCategory { get; init; }

    public int ErrorType { get; init; }

    public bool Retryable { get; init; }

    public string? ErrorMessage { get; init; }
}

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

/// <summary>The members of every Athena response; unset members are omitted, so each operation answers only its own.</summary>
internal sealed record AthenaResponse
{
    public WorkGroup? WorkGroup { get; init; }

    public IReadOnlyList<WorkGroupSummary>? WorkGroups { get; init; }

    public string? QueryExecutionId { get; init; }

    public QueryExecution? QueryExecution { get; init; }

    public IReadOnlyList<QueryExecution>? QueryExecutions { get; init; }

    public IReadOnlyList<UnprocessedQueryExecutionId>? UnprocessedQueryExecutionIds { get; init; }

    public IReadOnlyList<string>? QueryExecutionIds { get; init; }

    public long? UpdateCount { get; init; }

    public ResultSet? ResultSet { get; init; }

    public string? NextToken { get; init; }
}

internal sealed record ColumnInfo
{
    public string? CatalogName { get; init; }

    public string? SchemaName { get; init; }

    public string? TableName { get; init; }

    public required string Name { get; init; }

    public string? Label { get; init; }

    public required string Type { get; init; }

    public int? Precision { get; init; }

    public int? Scale { get; init; }

    /// <summary><c>NOT_NULL</c>, <c>NULLABLE</c> or <c>UNKNOWN</c>.</summary>
    public string? Nullable { get; init; }

    public bool? CaseSensitive { get; init; }
}

/// <summary>One value as text; a SQL NULL is a datum without <see cref="VarCharValue"/>.</summary>
internal sealed record Datum(string? VarCharValue);

internal sealed record EngineVersion
{
    public const string Latest = "AUTO";

    public const string Effective = "Athena engine version 3";

    public string? SelectedEngineVersion { get; init; }

    public string? EffectiveEngineVersion { get; init; }

    public static EngineVersion Default { get; } = new() { SelectedEngineVersion = Latest, EffectiveEngineVersion = Effective };
}

internal sealed record QueryExecution
{
    public required string QueryExecutionId { get; init; }

    public required string Query { get; init; }

    public StatementType? StatementType { get; init; }

    public ResultConfiguration? ResultConfiguration { get; init; }

    public QueryExecutionContext? QueryExecutionContext { get; init; }

    public required QueryExecutionStatus Status { get; init; }

    public QueryExecutionStatistics? Statistics { get; init; }

    public required string WorkGroup { get; init; }

    public EngineVersion? EngineVersion { get; init; }

    public string? SubstatementType { get; init; }
}

internal sealed record QueryExecutionContext
{
    public string? Database { get; init; }

    public string? Catalog { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<QueryExecutionState>))]
internal enum QueryExecutionState
{
    [JsonStringEnumMemberName("QUEUED")]
    Queued,

    [JsonStringEnumMemberName("RUNNING")]
    Running,

    [JsonStringEnumMemberName("SUCCEEDED")]
    Succeeded,

    [JsonStringEnumMemberName("FAILED")]
    Failed,

    [JsonStringEnumMemberName("CANCELLED")]
    Cancelled,
}

internal sealed record QueryExecutionStatistics
{
    public long? EngineExecutionTimeInMillis { get; init; }

    public long? DataScannedInBytes { get; init; }

    public long? TotalExecutionTimeInMillis { get; init; }

    public long? QueryQueueTimeInMillis { get; init; }

    public long? ServicePreProcessingTimeInMillis { get; init; }

    public long? QueryPlanningTimeInMillis { get; init; }

    public long? ServiceProcessingTimeInMillis { get; init; }
}

/// <summary>A query's state; times are epoch seconds.</summary>
internal sealed record QueryExecutionStatus
{
    public QueryExecutionState State { get; init; }

    public string? StateChangeReason { get; init; }

    public double SubmissionDateTime { get; init; }

    public double? CompletionDateTime { get; init; }

    public AthenaError? AthenaError { get; init; }
}

/// <summary>Where results go: <c>s3://bucket/prefix/</c>; Athena writes <c>&lt;OutputLocation&gt;/&lt;id&gt;.csv</c>.</summary>
internal sealed record ResultConfiguration
{
    public string? OutputLocation { get; init; }

    public string? ExpectedBucketOwner { get; init; }
}

internal sealed record ResultConfigurationUpdates
{
    public string? OutputLocation { get; init; }

    public bool? RemoveOutputLocation { get; init; }

    public string? ExpectedBucketOwner { get; init; }

    public bool? RemoveExpectedBucketOwner { get; init; }
}

internal sealed record ResultSet(IReadOnlyList<Row> Rows, ResultSetMetadata ResultSetMetadata);

internal sealed record ResultSetMetadata(IReadOnlyList<ColumnInfo> ColumnInfo);

internal sealed record Row(IReadOnlyList<Datum> Data);

[JsonConverter(typeof(JsonStringEnumConverter<StatementType>))]
internal enum StatementType
{
    [JsonStringEnumMemberName("DDL")]
    Ddl,

    [JsonStringEnumMemberName("DML")]
    Dml,

    [JsonStringEnumMemberName("UTILITY")]
    Utility,
}

internal sealed record UnprocessedQueryExecutionId(string QueryExecutionId, string ErrorCode, string ErrorMessage);

/// <summary>A workgroup; <see cref="CreationTime"/> is epoch seconds, as the JSON protocol writes timestamps.</summary>
internal sealed record WorkGroup
{
    public required string Name { get; init; }

    public WorkGroupState State { get; init; }

    public WorkGroupConfiguration? Configuration { get; init; }

    public string? Description { get; init; }

    public double CreationTime { get; init; }
}

internal sealed record WorkGroupConfiguration
{
    public ResultConfiguration? ResultConfiguration { get; init; }

    public bool? EnforceWorkGroupConfiguration { get; init; }

    public bool? PublishCloudWatchMetricsEnabled { get; init; }

    /// <summary>At least 10,000,000 bytes, as Athena requires; queries scanning more fail.</summary>
    public long? BytesScannedCutoffPerQuery { get; init; }

    public bool? RequesterPaysEnabled { get; init; }

    public EngineVersion? EngineVersion { get; init; }
}

internal sealed record WorkGroupConfigurationUpdates
{
    public bool? EnforceWorkGroupConfiguration { get; init; }

    public ResultConfigurationUpdates? ResultConfigurationUpdates { get; init; }

    public bool? PublishCloudWatchMetricsEnabled { get; init; }

    public long? BytesScannedCutoffPerQuery { get; init; }

    public bool? RemoveBytesScannedCutoffPerQuery { get; init; }

    public bool? RequesterPaysEnabled { get; init; }

    public EngineVersion? EngineVersion { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<WorkGroupState>))]
internal enum WorkGroupState
{
    [JsonStringEnumMemberName("ENABLED")]
    Enabled,

    [JsonStringEnumMemberName("DISABLED")]
    Disabled,
}

internal sealed record WorkGroupSummary
{
    public required string Name { get; init; }

    public WorkGroupState State { get; init; }

    public string? Description { get; init; }

    public double CreationTime { get; init; }

    public EngineVersion? EngineVersion { get; init; }
}
