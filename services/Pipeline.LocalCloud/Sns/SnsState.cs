namespace Pipeline.LocalCloud.Sns;

/// <summary>Topics (by name) and subscriptions, as kept in <c>&lt;data&gt;/sns/topics.json</c>.</summary>
internal sealed record SnsState(IReadOnlyList<string> Topics, IReadOnlyList<SnsSubscription> Subscriptions);
