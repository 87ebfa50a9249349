namespace Pipeline.Aws.Sns;

/// <summary>A subscription as ListSubscriptionsByTopic reports it; the ARN is <c>PendingConfirmation</c> until confirmed.</summary>
public sealed record SnsSubscription(string SubscriptionArn, string? Owner, string Protocol, string Endpoint, string TopicArn);
