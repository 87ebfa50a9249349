using System.Text;
using System.Xml;
using Pipeline.AwsShapes;
using Pipeline.AwsShapes.Sqs;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>
/// SQS's Query-protocol answers: <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;…&lt;/ActionResult&gt;&lt;ResponseMetadata&gt;</c>
/// in the 2012-11-05 namespace, written from the same answer shapes as JSON, and <c>&lt;ErrorResponse&gt;</c> errors
/// with the query-era codes (<c>AWS.SimpleQueueService.NonExistentQueue</c>, …).
/// </summary>
internal static class SqsQueryXml
{
    public const string Namespace = "http://queue.amazonaws.com/doc/2012-11-05/";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        // A message body keeps its carriage returns, which XML parsers would otherwise fold into line feeds.
        NewLineHandling = NewLineHandling.Entitize,
        OmitXmlDeclaration = false,
    };

    public static byte[] Response(string action, object output, string requestId) => Write(w =>
    {
        w.WriteStartElement(action + "Response", Namespace);
        var result = Result(output);
        if (result is not null)
        {
            w.WriteStartElement(action + "Result", Namespace);
            result(w);
            w.WriteEndElement();
        }

        w.WriteStartElement("ResponseMetadata", Namespace);
        w.WriteElementString("RequestId", Namespace, requestId);
        w.WriteEndElement();
        w.WriteEndElement();
    });

    public static byte[] Error(string code, string message, bool sender, string requestId) =>
        AwsErrorWriter.QueryError(SqsErrors.QueryCodeOf(code), message, sender, requestId, Namespace);

    private static Action<XmlWriter>? Result(object output) => output switch
    {
        EmptyOutput => null,
        CreateQueueResult o => w => Element(w, "QueueUrl", o.QueueUrl),
        GetQueueUrlResult o => w => Element(w, "QueueUrl", o.QueueUrl),
        ListQueuesResult o => w =>
        {
            foreach (var url in o.QueueUrls ?? [])
            {
                Element(w, "QueueUrl", url);
            }
        },
        GetQueueAttributesResult o => w =>
        {
            foreach (var (name, value) in o.Attributes ?? new Dictionary<string, string>())
            {
                NameValue(w, "Attribute", name, value);
            }
        },
        SendMessageResult o => w =>
        {
            Element(w, "MessageId", o.MessageId);
            Element(w, "MD5OfMessageBody", o.MD5OfMessageBody);
            Element(w, "MD5OfMessageAttributes", o.MD5OfMessageAttributes);
        },
        SendMessageBatchResult o => w =>
        {
            foreach (var entry in o.Successful ?? [])
            {
                w.WriteStartElement("SendMessageBatchResultEntry", Namespace);
                Element(w, "Id", entry.Id);
                Element(w, "MessageId", entry.MessageId);
                Element(w, "MD5OfMessageBody", entry.MD5OfMessageBody);
                Element(w, "MD5OfMessageAttributes", entry.MD5OfMessageAttributes);
                w.WriteEndElement();
            }

            Failures(w, o.Failed);
        },
        ReceiveMessageResult o => w =>
        {
            foreach (var message in o.Messages ?? [])
            {
                Message(w, message);
            }
        },
        DeleteMessageBatchResult o => w =>
        {
            Successes(w, "DeleteMessageBatchResultEntry", o.Successful?.Select(e => e.Id));
            Failures(w, o.Failed);
        },
        ChangeMessageVisibilityBatchResult o => w =>
        {
            Successes(w, "ChangeMessageVisibilityBatchResultEntry", o.Successful?.Select(e => e.Id));
            Failures(w, o.Failed);
        },
        _ => throw new ArgumentException($"No Query shape for {output.GetType().Name}.", nameof(output)),
    };

    private static void Message(XmlWriter w, Message message)
    {
        w.WriteStartElement("Message", Namespace);
        Element(w, "MessageId", message.MessageId);
        Element(w, "ReceiptHandle", message.ReceiptHandle);
        Element(w, "MD5OfBody", message.MD5OfBody);
        Element(w, "Body", message.Body);
        foreach (var (name, value) in message.Attributes ?? new Dictionary<string, string>())
        {
            NameValue(w, "Attribute", name, value);
        }

        Element(w, "MD5OfMessageAttributes", message.MD5OfMessageAttributes);
        foreach (var (name, value) in message.MessageAttributes ?? new Dictionary<string, MessageAttributeValue>())
        {
            w.WriteStartElement("MessageAttribute", Namespace);
            Element(w, "Name", name);
            w.WriteStartElement("Value", Namespace);
            Element(w, "StringValue", value.StringValue);
            Element(w, "BinaryValue", value.BinaryValue is { } bytes ? Convert.ToBase64String(bytes) : null);
            Element(w, "DataType", value.DataType);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void Successes(XmlWriter w, string element, IEnumerable<string?>? ids)
    {
        foreach (var id in ids ?? [])
        {
            w.WriteStartElement(element, Namespace);
            Element(w, "Id", id);
            w.WriteEndElement();
        }
    }

    private static void Failures(XmlWriter w, IReadOnlyList<BatchResultErrorEntry>? entries)
    {
        foreach (var entry in entries ?? [])
        {
            w.WriteStartElement("BatchResultErrorEntry", Namespace);
            Element(w, "Id", entry.Id);
            Element(w, "SenderFault", entry.SenderFault == true ? "true" : "false");
            Element(w, "Code", SqsErrors.QueryCodeOf(entry.Code!));
            Element(w, "Message", entry.Message);
            w.WriteEndElement();
        }
    }

    private static void NameValue(XmlWriter w, string element, string name, string value)
    {
        w.WriteStartElement(element, Namespace);
        Element(w, "Name", name);
        Element(w, "Value", value);
        w.WriteEndElement();
    }

    private static void Element(XmlWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteElementString(name, Namespace, value);
        }
    }

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }
}
