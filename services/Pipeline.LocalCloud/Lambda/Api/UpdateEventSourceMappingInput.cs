namespace Pipeline.LocalCloud.Lambda.Api;

/// <summary>UpdateEventSourceMapping's body: absent members keep their values.</summary>
internal sealed class UpdateEventSourceMappingInput
{
    public string? FunctionName { get; set; }

    public bool? Enabled { get; set; }

    public int? BatchSize { get; set; }

    public int? MaximumBatchingWindowInSeconds { get; set; }

    public string[]? FunctionResponseTypes { get; set; }
}
