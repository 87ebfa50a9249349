namespace Pipeline.LocalCloud.Sns;

/// <summary>A subscription. Email ones are confirmed at once locally, where AWS would wait for the recipient's click.</summary>
public sealed record SnsSubscription(string SubscriptionArn, string TopicArn, string Protocol, string Endpoint);
