using Pipeline.Aws.Sns;
using Pipeline.AwsShapes.Sns;

namespace Pipeline.UnitTests.Functions;

/// <summary>Records what is published; other SNS calls are not the functions' business.</summary>
internal sealed class FakeSnsClient : ISnsClient
{
    public List<PublishInput> Published { get; } = [];

    public Exception? PublishError { get; set; }

    public Task<PublishResponse> PublishAsync(PublishInput request, CancellationToken cancellationToken = default)
    {
        if (PublishError is { } error)
        {
            throw error;
        }

        Published.Add(request);
        return Task.FromResult(new PublishResponse { MessageId = $"msg-{Published.Count}" });
    }

    public Task<string> CreateTopicAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<string> SubscribeAsync(string topicArn, string protocol, string endpoint, IReadOnlyDictionary<string, string>? attributes = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ListSubscriptionsByTopicResponse> ListSubscriptionsByTopicAsync(string topicArn, string? nextToken = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
