namespace Pipeline.Aws.Lambda;

/// <summary>An event source mapping as Lambda describes it (the members the pipeline reads).</summary>
public sealed record EventSourceMapping
{
    public string UUID { get; init; } = "";

    public string? EventSourceArn { get; init; }

    public string? FunctionArn { get; init; }

    public int? BatchSize { get; init; }

    public int? MaximumBatchingWindowInSeconds { get; init; }

    public IReadOnlyList<string>? FunctionResponseTypes { get; init; }

    /// <summary><c>Creating</c>, <c>Enabled</c>, <c>Disabled</c>, <c>Updating</c>, <c>Deleting</c>, … as Lambda writes it.</summary>
    public string? State { get; init; }
}
