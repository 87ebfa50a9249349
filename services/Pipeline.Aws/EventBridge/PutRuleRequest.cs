namespace Pipeline.Aws.EventBridge;

/// <summary>The input of PutRule: an event pattern (JSON) or a schedule expression.</summary>
public sealed record PutRuleRequest
{
    public required string Name { get; init; }

    public string? EventPattern { get; init; }

    public string? ScheduleExpression { get; init; }

    public RuleState? State { get; init; }

    public string? Description { get; init; }

    /// <summary>Null for the default bus.</summary>
    public string? EventBusName { get; init; }
}
