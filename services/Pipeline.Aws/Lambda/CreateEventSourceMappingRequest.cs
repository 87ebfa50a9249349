namespace Pipeline.Aws.Lambda;

/// <summary>CreateEventSourceMapping for a queue (SQS) source.</summary>
public sealed record CreateEventSourceMappingRequest
{
    public required string EventSourceArn { get; init; }

    /// <summary>The function's name, ARN or partial ARN.</summary>
    public required string FunctionName { get; init; }

    public int? BatchSize { get; init; }

    public int? MaximumBatchingWindowInSeconds { get; init; }

    /// <summary><c>ReportBatchItemFailures</c> lets the function name the records to retry.</summary>
    public IReadOnlyList<string>? FunctionResponseTypes { get; init; }

    public bool? Enabled { get; init; }
}
