using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Sns;

/// <summary>
/// SNS over the Query protocol: form-encoded <c>Action=…&amp;Version=2010-03-31</c>, answered with
/// <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;…&lt;ResponseMetadata&gt;</c> in SNS's XML namespace.
/// </summary>
internal sealed class SnsEndpoint(SnsService service) : IAwsServiceEndpoint
{
    public const string Namespace = "https://sns.amazonaws.com/doc/2010-03-31/";

    public string SigningName => "sns";

    public AwsProtocol Protocol => AwsProtocol.Query;

    public async Task HandleAsync(HttpContext context)
    {
        var parameters = await ReadParametersAsync(context).ConfigureAwait(false);
        string? Get(string name) => parameters.TryGetValue(name, out var value) ? value : null;
        var action = Get("Action") ?? throw new AwsServiceException("MissingAction", "Missing Action");
        switch (action)
        {
            case "CreateTopic":
            {
                var arn = service.CreateTopic(Get("Name"));
                await WriteAsync(context, action, w => w.WriteElementString("TopicArn", Namespace, arn)).ConfigureAwait(false);
                break;
            }

            case "ListTopics":
            {
                var topics = service.ListTopics();
                await WriteAsync(context, action, w =>
                {
                    w.WriteStartElement("Topics", Namespace);
                    foreach (var topic in topics)
                    {
                        w.WriteStartElement("member", Namespace);
                        w.WriteElementString("TopicArn", Namespace, topic);
                        w.WriteEndElement();
                    }

                    w.WriteEndElement();
                }).ConfigureAwait(false);
                break;
            }

            case "DeleteTopic":
                service.DeleteTopic(Get("TopicArn"));
                await WriteAsync(context, action, null).ConfigureAwait(false);
                break;

            case "GetTopicAttributes":
            {
                var attributes = service.GetTopicAttributes(Get("TopicArn"));
                await WriteAsync(context, action, w =>
                {
                    w.WriteStartElement("Attributes", Namespace);
                    foreach (var (key, value) in attributes)
                    {
                        w.WriteStartElement("entry", Namespace);
                        w.WriteElementString("key", Namespace, key);
                        w.WriteElementString("value", Namespace, value);
                        w.WriteEndElement();
                    }

                    w.WriteEndElement();
                }).ConfigureAwait(false);
                break;
            }

            case "Subscribe":
            {
                var arn = service.Subscribe(Get("TopicArn"), Get("Protocol"), Get("Endpoint"));
                await WriteAsync(context, action, w => w.WriteElementString("SubscriptionArn", Namespace, arn)).ConfigureAwait(false);
                break;
            }

            case "ListSubscriptionsByTopic":
            {
                var subscriptions = service.ListSubscriptionsByTopic(Get("TopicArn"));
                await WriteAsync(context, action, w =>
                {
                    w.WriteStartElement("Subscriptions", Namespace);
                    foreach (var s in subscriptions)
                    {
                        w.WriteStartElement("member", Namespace);
                        w.WriteElementString("TopicArn", Namespace, s.TopicArn);
                        w.WriteElementString("Protocol", Namespace, s.Protocol);
                        w.WriteElementString("SubscriptionArn", Namespace, s.SubscriptionArn);
                        w.WriteElementString("Owner", Namespace, service.AccountId);
                        w.WriteElementString("Endpoint", Namespace, s.Endpoint);
                        w.WriteEndElement();
                    }

                    w.WriteEndElement();
                }).ConfigureAwait(false);
                break;
            }

            case "Unsubscribe":
                service.Unsubscribe(Get("SubscriptionArn"));
                await WriteAsync(context, action, null).ConfigureAwait(false);
                break;

            case "Publish":
            {
                var id = service.Publish(Get("TopicArn"), Get("Message"), Get("Subject"), Attributes(parameters));
                await WriteAsync(context, action, w => w.WriteElementString("MessageId", Namespace, id)).ConfigureAwait(false);
                break;
            }

            default:
                throw new AwsServiceException("InvalidAction", $"The action {action} is not valid for this endpoint.");
        }
    }

    /// <summary>MessageAttributes.entry.N.Name / .Value.DataType / .Value.StringValue, as the Query protocol flattens the map.</summary>
    internal static Dictionary<string, SnsMessageAttribute> Attributes(IReadOnlyDictionary<string, string> parameters)
    {
        var attributes = new Dictionary<string, SnsMessageAttribute>(StringComparer.Ordinal);
        for (var i = 1; parameters.TryGetValue($"MessageAttributes.entry.{i}.Name", out var name); i++)
        {
            var type = parameters.GetValueOrDefault($"MessageAttributes.entry.{i}.Value.DataType") ?? throw new AwsServiceException("InvalidParameterValue", $"The message attribute '{name}' must contain non-empty message attribute type.");
            var value = parameters.GetValueOrDefault($"MessageAttributes.entry.{i}.Value.StringValue")
                ?? parameters.GetValueOrDefault($"MessageAttributes.entry.{i}.Value.BinaryValue")
                ?? throw new AwsServiceException("ParameterValueInvalid", $"The message attribute '{name}' must contain non-empty message attribute value for message attribute type '{type}'.");
            attributes[name] = new SnsMessageAttribute(type, value);
        }

        return attributes;
    }

    private static async Task<Dictionary<string, string>> ReadParametersAsync(HttpContext context)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in context.Request.Query)
        {
            parameters[key] = value.ToString();
        }

        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            foreach (var (key, value) in form)
            {
                parameters[key] = value.ToString();
            }
        }

        return parameters;
    }

    private static async Task WriteAsync(HttpContext context, string action, Action<XmlWriter>? result)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement(action + "Response", Namespace);
            if (result is not null)
            {
                writer.WriteStartElement(action + "Result", Namespace);
                result(writer);
                writer.WriteEndElement();
            }

            writer.WriteStartElement("ResponseMetadata", Namespace);
            writer.WriteElementString("RequestId", Namespace, RequestIds.Of(context));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/xml";
        context.Response.Headers["x-amzn-RequestId"] = RequestIds.Of(context);
        await context.Response.WriteAsync(text.ToString(), Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }
}
