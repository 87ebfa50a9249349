namespace Pipeline.LocalCloud.Lambda.Api;

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
