using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Pipeline.AwsShapes;
using Pipeline.AwsShapes.Sns;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Sns;

/// <summary>
/// SNS over the Query protocol: form-encoded <c>Action=…&amp;Version=2010-03-31</c>, answered with the generated
/// output shapes (<see cref="Pipeline.AwsShapes.Sns"/>) written by <see cref="QueryXml"/> as
/// <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;…&lt;ResponseMetadata&gt;</c> in SNS's XML namespace.
/// </summary>
internal sealed class SnsEndpoint : IAwsServiceEndpoint
{
    public const string Namespace = "https://sns.amazonaws.com/doc/2010-03-31/";

    // GetTopicAttributes' Attributes is the one map among the outputs.
    private static readonly HashSet<string> Maps = new(StringComparer.Ordinal) { "Attributes" };

    private readonly QueryProtocol _query;

    public SnsEndpoint(SnsService service)
    {
        var xml = SnsQueryJsonContext.Default;
        _query = new QueryProtocol(SigningName, Namespace, (action, output, requestId) => QueryXml.Response(Namespace, action, output as JsonElement?, requestId, Maps))
            {
                NamespacedErrors = false,
            }
            .Add("CreateTopic", p => QueryXml.Result(new CreateTopicResponse { TopicArn = service.CreateTopic(p.Get("Name")) }, xml.CreateTopicResponse))
            .Add("ListTopics", p => QueryXml.Result(new ListTopicsResponse { Topics = [.. service.ListTopics().Select(t => new Topic { TopicArn = t })] }, xml.ListTopicsResponse))
            .Add("DeleteTopic", p =>
            {
                service.DeleteTopic(p.Get("TopicArn"));
                return new EmptyOutput();
            })
            .Add("GetTopicAttributes", p => QueryXml.Result(new GetTopicAttributesResponse { Attributes = service.GetTopicAttributes(p.Get("TopicArn")) }, xml.GetTopicAttributesResponse))
            .Add("Subscribe", p => QueryXml.Result(new SubscribeResponse { SubscriptionArn = service.Subscribe(p.Get("TopicArn"), p.Get("Protocol"), p.Get("Endpoint")) }, xml.SubscribeResponse))
            .Add("ListSubscriptionsByTopic", p => QueryXml.Result(
                new ListSubscriptionsByTopicResponse
                {
                    Subscriptions = [.. service.ListSubscriptionsByTopic(p.Get("TopicArn")).Select(s => new Subscription
                    {
                        SubscriptionArn = s.SubscriptionArn,
                        Owner = service.AccountId,
                        Protocol = s.Protocol,
                        Endpoint = s.Endpoint,
                        TopicArn = s.TopicArn,
                    })],
                },
                xml.ListSubscriptionsByTopicResponse))
            .Add("Unsubscribe", p =>
            {
                service.Unsubscribe(p.Get("SubscriptionArn"));
                return new EmptyOutput();
            })
            .Add("Publish", p => QueryXml.Result(new PublishResponse { MessageId = service.Publish(p.Get("TopicArn"), p.Get("Message"), p.Get("Subject"), Attributes(p)) }, xml.PublishResponse));
    }

    public string SigningName => "sns";

    public AwsProtocol Protocol => AwsProtocol.Query;

    public Task HandleAsync(HttpContext context) => _query.HandleAsync(context);

    /// <summary>MessageAttributes.entry.N.Name / .Value.DataType / .Value.StringValue, as the Query protocol flattens the map.</summary>
    internal static Dictionary<string, SnsMessageAttribute> Attributes(QueryParameters parameters)
    {
        var attributes = new Dictionary<string, SnsMessageAttribute>(StringComparer.Ordinal);
        foreach (var entry in parameters.Indices("MessageAttributes.entry"))
        {
            if (parameters.Get($"{entry}.Name") is not { } name)
            {
                continue;
            }

            var type = parameters.Get($"{entry}.Value.DataType") ?? throw new AwsServiceException("InvalidParameterValue", $"The message attribute '{name}' must contain non-empty message attribute type.");
            var value = parameters.Get($"{entry}.Value.StringValue")
                ?? parameters.Get($"{entry}.Value.BinaryValue")
                ?? throw new AwsServiceException("ParameterValueInvalid", $"The message attribute '{name}' must contain non-empty message attribute value for message attribute type '{type}'.");
            attributes[name] = new SnsMessageAttribute(type, value);
        }

        return attributes;
    }
}

/// <summary>SNS's outputs as <see cref="QueryXml"/> walks them.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateTopicResponse))]
[JsonSerializable(typeof(ListTopicsResponse))]
[JsonSerializable(typeof(GetTopicAttributesResponse))]
[JsonSerializable(typeof(SubscribeResponse))]
[JsonSerializable(typeof(ListSubscriptionsByTopicResponse))]
[JsonSerializable(typeof(PublishResponse))]
internal sealed partial class SnsQueryJsonContext : JsonSerializerContext;
