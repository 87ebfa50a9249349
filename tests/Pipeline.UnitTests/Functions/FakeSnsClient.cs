using Pipeline.Aws.Sns;

namespace Pipeline.UnitTests.Functions;

/// <summary>Records what is published; other SNS calls are not the functions' business.</summary>
internal sealed class FakeSnsClient : ISnsClient
{
    public List<SnsPublishRequest> Published { get; } = [];

    public Exception? PublishError { get; set; }

    public Task<SnsPublishResult> PublishAsync(SnsPublishRequest request, CancellationToken cancellationToken = default)
    {
        if (PublishError is { } error)
        {
            throw error;
        }

        Published.Add(request);
        return Task.FromResult(new SnsPublishResult($"msg-{Published.Count}", null));
    }

    public Task<string> CreateTopicAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<string> SubscribeAsync(string topicArn, string protocol, string endpoint, IReadOnlyDictionary<string, string>? attributes = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SnsSubscriptionsPage> ListSubscriptionsByTopicAsync(string topicArn, string? nextToken = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
