using Pipeline.AwsShapes.Sns;

namespace Pipeline.Aws.Sns;

/// <summary>The Amazon SNS operations the pipeline calls (IAM action <c>sns:&lt;Operation&gt;</c> each).</summary>
public interface ISnsClient
{
    /// <summary>Publish to a topic.</summary>
    Task<PublishResponse> PublishAsync(PublishInput request, CancellationToken cancellationToken = default);

    /// <summary>CreateTopic; idempotent for an existing name. Returns the topic ARN.</summary>
    Task<string> CreateTopicAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Subscribe <paramref name="endpoint"/> (an address, a queue or function ARN) with <paramref name="protocol"/> (<c>email</c>, <c>sqs</c>, <c>lambda</c>, …); returns the subscription ARN.</summary>
    Task<string> SubscribeAsync(string topicArn, string protocol, string endpoint, IReadOnlyDictionary<string, string>? attributes = null, CancellationToken cancellationToken = default);

    /// <summary>ListSubscriptionsByTopic: one page.</summary>
    Task<ListSubscriptionsByTopicResponse> ListSubscriptionsByTopicAsync(string topicArn, string? nextToken = null, CancellationToken cancellationToken = default);
}
