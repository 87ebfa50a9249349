using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Lambda.Api;

// The Lambda API's wire shapes: functions, their code and configuration, event source mappings.

/// <summary>Lambda's <c>DeadLetterConfig</c>, in requests and answers alike.</summary>
internal sealed record DeadLetterConfigDocument
{
    public string? TargetArn { get; init; }
}

internal sealed record EnvironmentOutput(IReadOnlyDictionary<string, string> Variables);

/// <summary>EventSourceMappingConfiguration as Lambda writes it; LastModified in epoch seconds (restJson1 timestamps).</summary>
internal sealed record EventSourceMappingOutput(
    [property: JsonPropertyName("UUID")] string Uuid,
    int BatchSize,
    int MaximumBatchingWindowInSeconds,
    string EventSourceArn,
    string FunctionArn,
    double LastModified,
    string State,
    string StateTransitionReason,
    string[] FunctionResponseTypes,
    string EventSourceMappingArn);

/// <summary>Where the package can be downloaded; in AWS a presigned S3 URL, here a LocalCloud URL.</summary>
internal sealed record FunctionCodeLocationOutput(string RepositoryType, string Location);

/// <summary>Lambda's <c>FunctionConfiguration</c>, as CreateFunction, GetFunction and ListFunctions answer it.</summary>
internal sealed record FunctionConfigurationOutput
{
    public required string FunctionName { get; init; }

    public required string FunctionArn { get; init; }

    public required string Runtime { get; init; }

    public required string Role { get; init; }

    public required string Handler { get; init; }

    public long CodeSize { get; init; }

    public string? Description { get; init; }

    public int Timeout { get; init; }

    public int MemorySize { get; init; }

    /// <summary>Lambda's own format: <c>2024-01-31T12:00:00.000+0000</c>.</summary>
    public required string LastModified { get; init; }

    public required string CodeSha256 { get; init; }

    public string Version { get; init; } = "$LATEST";

    public EnvironmentOutput? Environment { get; init; }

    public DeadLetterConfigDocument? DeadLetterConfig { get; init; }

    public required string RevisionId { get; init; }

    public string State { get; init; } = "Active";

    public string LastUpdateStatus { get; init; } = "Successful";

    public string PackageType { get; init; } = "Zip";

    public required IReadOnlyList<string> Architectures { get; init; }
}

internal sealed record GetFunctionOutput(FunctionConfigurationOutput Configuration, FunctionCodeLocationOutput Code, ConcurrencyDocument? Concurrency);

/// <summary>Lambda's <c>X-Amz-Invocation-Type</c>.</summary>
internal enum InvocationType
{
    /// <summary>Synchronous: the caller waits for the payload (200).</summary>
    RequestResponse,

    /// <summary>Asynchronous: queued (202), retried on error.</summary>
    Event,

    /// <summary>Checks the request and the caller's access only (204).</summary>
    DryRun,
}

/// <summary>ListEventSourceMappings' answer.</summary>
internal sealed record ListEventSourceMappingsOutput(string? NextMarker, EventSourceMappingOutput[] EventSourceMappings);

internal sealed record ListFunctionsOutput(IReadOnlyList<FunctionConfigurationOutput> Functions, string? NextMarker);

/// <summary>PutFunctionConcurrency's body and the <c>Concurrency</c> shape Lambda answers with.</summary>
internal sealed class ConcurrencyDocument
{
    public int? ReservedConcurrentExecutions { get; set; }
}

/// <summary>CreateEventSourceMapping's body (the members an SQS source uses; others are ignored).</summary>
internal sealed class CreateEventSourceMappingInput
{
    public string? EventSourceArn { get; set; }

    public string? FunctionName { get; set; }

    public bool? Enabled { get; set; }

    public int? BatchSize { get; set; }

    public int? MaximumBatchingWindowInSeconds { get; set; }

    public string[]? FunctionResponseTypes { get; set; }
}

/// <summary>CreateFunction's body: the members LocalCloud reads (others, such as VpcConfig or Tags, are accepted and ignored).</summary>
internal sealed class CreateFunctionInput
{
    public string? FunctionName { get; set; }

    public string? Runtime { get; set; }

    public string? Role { get; set; }

    public string? Handler { get; set; }

    public FunctionCodeInput? Code { get; set; }

    public string? Description { get; set; }

    public int? Timeout { get; set; }

    public int? MemorySize { get; set; }

    public EnvironmentInput? Environment { get; set; }

    public DeadLetterConfigDocument? DeadLetterConfig { get; set; }

    public List<string>? Architectures { get; set; }

    public string? PackageType { get; set; }
}

internal sealed class EnvironmentInput
{
    public Dictionary<string, string>? Variables { get; set; }
}

/// <summary>A deployment package: the zip inline (base64 in JSON) or an S3 object.</summary>
internal sealed class FunctionCodeInput
{
    public byte[]? ZipFile { get; set; }

    public string? S3Bucket { get; set; }

    public string? S3Key { get; set; }

    public string? S3ObjectVersion { get; set; }

    public string? ImageUri { get; set; }
}

/// <summary>UpdateEventSourceMapping's body: absent members keep their values.</summary>
internal sealed class UpdateEventSourceMappingInput
{
    public string? FunctionName { get; set; }

    public bool? Enabled { get; set; }

    public int? BatchSize { get; set; }

    public int? MaximumBatchingWindowInSeconds { get; set; }

    public string[]? FunctionResponseTypes { get; set; }
}

/// <summary>UpdateFunctionCode's body.</summary>
internal sealed class UpdateFunctionCodeInput
{
    public byte[]? ZipFile { get; set; }

    public string? S3Bucket { get; set; }

    public string? S3Key { get; set; }

    public string? S3ObjectVersion { get; set; }

    public string? ImageUri { get; set; }

    public List<string>? Architectures { get; set; }

    public bool? DryRun { get; set; }

    public string? RevisionId { get; set; }
}

/// <summary>UpdateFunctionConfiguration's body: a member left out keeps its value; <c>Environment</c> replaces all variables.</summary>
internal sealed class UpdateFunctionConfigurationInput
{
    public string? Role { get; set; }

    public string? Handler { get; set; }

    public string? Description { get; set; }

    public int? Timeout { get; set; }

    public int? MemorySize { get; set; }

    public EnvironmentInput? Environment { get; set; }

    public DeadLetterConfigDocument? DeadLetterConfig { get; set; }

    public string? Runtime { get; set; }

    public string? RevisionId { get; set; }
}
