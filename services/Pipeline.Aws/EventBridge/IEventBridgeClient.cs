using Pipeline.AwsShapes.EventBridge;

namespace Pipeline.Aws.EventBridge;

/// <summary>The Amazon EventBridge operations the pipeline calls (IAM action <c>events:&lt;Operation&gt;</c> each).</summary>
public interface IEventBridgeClient
{
    /// <summary>PutRule (create or update); returns the rule ARN.</summary>
    Task<string> PutRuleAsync(PutRuleInput request, CancellationToken cancellationToken = default);

    /// <summary>PutTargets (at most 5 targets per rule).</summary>
    Task<PutTargetsResponse> PutTargetsAsync(string rule, IReadOnlyList<TargetEntry> targets, string? eventBusName = null, CancellationToken cancellationToken = default);

    /// <summary>PutEvents (1–10 entries, 256 KiB in all).</summary>
    Task<PutEventsOutput> PutEventsAsync(IReadOnlyList<PutEventsEntry> entries, CancellationToken cancellationToken = default);
}
