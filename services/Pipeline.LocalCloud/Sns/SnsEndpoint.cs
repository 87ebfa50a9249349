using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Sns;

/// <summary>
/// SNS over the Query protocol: form-encoded <c>Action=…&amp;Version=2010-03-31</c>, answered with
/// <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;…&lt;ResponseMetadata&gt;</c> in SNS's XML namespace. Each action answers
/// the writer of its result's members, or <see cref="NoResult"/>.
/// </summary>
internal sealed class SnsEndpoint : IAwsServiceEndpoint
{
    public const string Namespace = "https://sns.amazonaws.com/doc/2010-03-31/";

    private static readonly Action<XmlWriter> NoResult = _ => { };

    private readonly QueryProtocol _query;

    public SnsEndpoint(SnsService service)
    {
        _query = new QueryProtocol(SigningName, Namespace, Write) { NamespacedErrors = false }
            .Add("CreateTopic", p => Element("TopicArn", service.CreateTopic(p.Get("Name"))))
            .Add("ListTopics", p =>
            {
                var topics = service.ListTopics();
                return (Action<XmlWriter>)(w => Members(w, "Topics", topics, (t, topic) => t.WriteElementString("TopicArn", Namespace, topic)));
            })
            .Add("DeleteTopic", p =>
            {
                service.DeleteTopic(p.Get("TopicArn"));
                return NoResult;
            })
            .Add("GetTopicAttributes", p =>
            {
                var attributes = service.GetTopicAttributes(p.Get("TopicArn"));
                return (Action<XmlWriter>)(w =>
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
                });
            })
            .Add("Subscribe", p => Element("SubscriptionArn", service.Subscribe(p.Get("TopicArn"), p.Get("Protocol"), p.Get("Endpoint"))))
            .Add("ListSubscriptionsByTopic", p =>
            {
                var subscriptions = service.ListSubscriptionsByTopic(p.Get("TopicArn"));
                return (Action<XmlWriter>)(w => Members(w, "Subscriptions", subscriptions, (m, s) =>
                {
                    m.WriteElementString("TopicArn", Namespace, s.TopicArn);
                    m.WriteElementString("Protocol", Namespace, s.Protocol);
                    m.WriteElementString("SubscriptionArn", Namespace, s.SubscriptionArn);
                    m.WriteElementString("Owner", Namespace, service.AccountId);
                    m.WriteElementString("Endpoint", Namespace, s.Endpoint);
                }));
            })
            .Add("Unsubscribe", p =>
            {
                service.Unsubscribe(p.Get("SubscriptionArn"));
                return NoResult;
            })
            .Add("Publish", p => Element("MessageId", service.Publish(p.Get("TopicArn"), p.Get("Message"), p.Get("Subject"), Attributes(p))));
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

    private static Action<XmlWriter> Element(string name, string value) => w => w.WriteElementString(name, Namespace, value);

    private static void Members<T>(XmlWriter writer, string list, IEnumerable<T> items, Action<XmlWriter, T> member)
    {
        writer.WriteStartElement(list, Namespace);
        foreach (var item in items)
        {
            writer.WriteStartElement("member", Namespace);
            member(writer, item);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static byte[] Write(string action, object result, string requestId)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement(action + "Response", Namespace);
            if (!ReferenceEquals(result, NoResult))
            {
                writer.WriteStartElement(action + "Result", Namespace);
                ((Action<XmlWriter>)result)(writer);
                writer.WriteEndElement();
            }

            writer.WriteStartElement("ResponseMetadata", Namespace);
            writer.WriteElementString("RequestId", Namespace, requestId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
