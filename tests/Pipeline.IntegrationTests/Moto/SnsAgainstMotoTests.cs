using Pipeline.Aws;
using Pipeline.Aws.Sns;
using Pipeline.AwsShapes.Sns;
using Xunit;

namespace Pipeline.IntegrationTests.Moto;

/// <summary>The Query-protocol SNS client against moto's SNS.</summary>
[Collection(MotoCollection.Name)]
public sealed class SnsAgainstMotoTests(MotoServerFixture moto)
{
    [MotoFact]
    public async Task Publishes_to_a_topic_it_created()
    {
        var sns = moto.Clients.CreateSns();
        var topic = await sns.CreateTopicAsync("pipeline-notifications-" + Guid.NewGuid().ToString("N")[..8]);

        var result = await sns.PublishAsync(new PublishInput
        {
            TopicArn = topic,
            Message = "Glue job run jr_1: SUCCEEDED & <done>",
            Subject = "Pipeline",
            MessageAttributes = new Dictionary<string, MessageAttributeValue> { ["dataset"] = new() { DataType = "String", StringValue = "clickstream" } },
        });

        Assert.StartsWith("arn:aws:sns:us-east-1:", topic, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(result.MessageId));
    }

    [MotoFact]
    public async Task Publishing_to_a_missing_topic_is_a_typed_error()
    {
        var sns = moto.Clients.CreateSns();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => sns.PublishAsync(new PublishInput
        {
            TopicArn = "arn:aws:sns:us-east-1:123456789012:missing-" + Guid.NewGuid().ToString("N")[..8],
            Message = "m",
        }));

        Assert.Equal("NotFound", error.ErrorCode);
        Assert.Equal("SNS", error.Service);
    }
}
