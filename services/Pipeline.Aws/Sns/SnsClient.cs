using System.Globalization;
using Pipeline.Aws.Core;

namespace Pipeline.Aws.Sns;

/// <summary>Amazon SNS over its Query API: the few operations the pipeline uses.</summary>
public sealed class SnsClient
{
    /// <summary>Creates a client from <paramref name="options"/> and the environment.</summary>
    public SnsClient(AwsClientOptions options)
        : this(new AwsQueryClient(AwsServices.Sns, options))
    {
    }

    /// <summary>Creates a client over a Query client configured for SNS.</summary>
    public SnsClient(AwsQueryClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
    }

    /// <summary>The underlying Query client, for operations this type does not wrap.</summary>
    public AwsQueryClient Client { get; }

    /// <summary>Publish to a topic.</summary>
    /// <exception cref="AwsServiceException">E.g. <c>NotFound</c> for a missing topic, <c>InvalidParameter</c> for a bad message.</exception>
    public async Task<SnsPublishResult> PublishAsync(SnsPublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("TopicArn", request.TopicArn),
            new("Message", request.Message),
        };
        AddIfSet(parameters, "Subject", request.Subject);
        AddIfSet(parameters, "MessageGroupId", request.MessageGroupId);
        AddIfSet(parameters, "MessageDeduplicationId", request.MessageDeduplicationId);
        if (request.MessageAttributes is { } attributes)
        {
            // The Query protocol flattens maps as Name.entry.N.key / Name.entry.N.value..., counting from 1.
            var index = 1;
            foreach (var (name, attribute) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                var prefix = "MessageAttributes.entry." + index.ToString(CultureInfo.InvariantCulture);
                parameters.Add(new(prefix + ".Name", name));
                parameters.Add(new(prefix + ".Value.DataType", attribute.DataType));
                parameters.Add(new(prefix + ".Value.StringValue", attribute.StringValue));
                index++;
            }
        }

        var result = await Client.SendAsync("Publish", parameters, cancellationToken).ConfigureAwait(false);
        var messageId = AwsXml.ChildValue(result, "MessageId")
            ?? throw new FormatException("SNS Publish answered without a MessageId.");
        return new SnsPublishResult(messageId, AwsXml.ChildValue(result, "SequenceNumber"));
    }

    /// <summary>CreateTopic; idempotent for an existing name. Returns the topic ARN.</summary>
    public async Task<string> CreateTopicAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var result = await Client.SendAsync("CreateTopic", [new("Name", name)], cancellationToken).ConfigureAwait(false);
        return AwsXml.ChildValue(result, "TopicArn") ?? throw new FormatException("SNS CreateTopic answered without a TopicArn.");
    }

    private static void AddIfSet(List<KeyValuePair<string, string>> parameters, string name, string? value)
    {
        if (value is not null)
        {
            parameters.Add(new(name, value));
        }
    }
}
