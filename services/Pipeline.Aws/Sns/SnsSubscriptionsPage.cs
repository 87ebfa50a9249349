namespace Pipeline.Aws.Sns;

/// <summary>One page of ListSubscriptionsByTopic (at most 100).</summary>
public sealed record SnsSubscriptionsPage(IReadOnlyList<SnsSubscription> Subscriptions, string? NextToken);
