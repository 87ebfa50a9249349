using System.Globalization;
using Pipeline.Aws.Core;
using Pipeline.AwsShapes.Sns;

namespace Pipeline.Aws.Sns;

/// <summary>Amazon SNS over its Query API: the few operations the pipeline uses.</summary>
public sealed class SnsClient : ISnsClient
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

    /// <inheritdoc />
    /// <exception cref="AwsServiceException">E.g. <c>NotFound</c> for a missing topic, <c>InvalidParameter</c> for a bad message.</exception>
    public async Task<PublishResponse> PublishAsync(PublishInput request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.TopicArn);
        ArgumentNullException.ThrowIfNull(request.Message);
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
                parameters.Add(new(prefix + ".Value.DataType", attribute.DataType ?? "String"));
                AddIfSet(parameters, prefix + ".Value.StringValue", attribute.StringValue);
                AddIfSet(parameters, prefix + ".Value.BinaryValue", attribute.BinaryValue is { } binary ? Convert.ToBase64String(binary) : null);
                index++;
            }
        }

        var result = await Client.SendAsync("Publish", parameters, cancellationToken).ConfigureAwait(false);
        var messageId = AwsXml.ChildValue(result, "MessageId")
            ?? throw new FormatException("SNS Publish answered without a MessageId.");
        return new PublishResponse { MessageId = messageId, SequenceNumber = AwsXml.ChildValue(result, "SequenceNumber") };
    }

    /// <inheritdoc />
    public async Task<string> CreateTopicAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var result = await Client.SendAsync("CreateTopic", [new("Name", name)], cancellationToken).ConfigureAwait(false);
        return AwsXml.ChildValue(result, "TopicArn") ?? throw new FormatException("SNS CreateTopic answered without a TopicArn.");
    }

    /// <inheritdoc />
    /// <remarks>Asks for the subscription ARN even while a confirmation is pending, so callers can always refer to it.</remarks>
    public async Task<string> SubscribeAsync(string topicArn, string protocol, string endpoint, IReadOnlyDictionary<string, string>? attributes = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topicArn);
        ArgumentException.ThrowIfNullOrWhiteSpace(protocol);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("TopicArn", topicArn),
            new("Protocol", protocol),
            new("Endpoint", endpoint),
            new("ReturnSubscriptionArn", "true"),
        };
        if (attributes is not null)
        {
            var index = 1;
            foreach (var (name, value) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                var prefix = "Attributes.entry." + index.ToString(CultureInfo.InvariantCulture);
                parameters.Add(new(prefix + ".key", name));
                parameters.Add(new(prefix + ".value", value));
                index++;
            }
        }

        var result = await Client.SendAsync("Subscribe", parameters, cancellationToken).ConfigureAwait(false);
        return AwsXml.ChildValue(result, "SubscriptionArn") ?? throw new FormatException("SNS Subscribe answered without a SubscriptionArn.");
    }

    /// <inheritdoc />
    public async Task<ListSubscriptionsByTopicResponse> ListSubscriptionsByTopicAsync(string topicArn, string? nextToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topicArn);
        var parameters = new List<KeyValuePair<string, string>> { new("TopicArn", topicArn) };
        AddIfSet(parameters, "NextToken", nextToken);
        var result = await Client.SendAsync("ListSubscriptionsByTopic", parameters, cancellationToken).ConfigureAwait(false);
        var subscriptions = (AwsXml.Child(result, "Subscriptions")?.Elements() ?? []).Select(member => new Subscription
        {
            SubscriptionArn = AwsXml.ChildValue(member, "SubscriptionArn") ?? "",
            Owner = AwsXml.ChildValue(member, "Owner"),
            Protocol = AwsXml.ChildValue(member, "Protocol") ?? "",
            Endpoint = AwsXml.ChildValue(member, "Endpoint") ?? "",
            TopicArn = AwsXml.ChildValue(member, "TopicArn") ?? topicArn,
        });
        var token = AwsXml.ChildValue(result, "NextToken");
        return new ListSubscriptionsByTopicResponse { Subscriptions = [.. subscriptions], NextToken = string.IsNullOrEmpty(token) ? null : token };
    }

    private static void AddIfSet(List<KeyValuePair<string, string>> parameters, string name, string? value)
    {
        if (value is not null)
        {
            parameters.Add(new(name, value));
        }
    }
}
