namespace Pipeline.Aws.EventBridge;

/// <summary>A rule target (API shape <c>Target</c>): an id unique in the rule and the ARN to deliver to.</summary>
public sealed record EventTarget
{
    public required string Id { get; init; }

    public required string Arn { get; init; }

    public string? RoleArn { get; init; }

    /// <summary>Constant JSON sent instead of the event.</summary>
    public string? Input { get; init; }
}
