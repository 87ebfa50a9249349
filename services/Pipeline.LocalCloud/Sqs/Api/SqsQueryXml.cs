using System.Text;
using System.Text.Json;
using System.Xml;
using Pipeline.AwsShapes;
using Pipeline.AwsShapes.Sqs;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>
/// SQS's Query-protocol answers: <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;…&lt;/ActionResult&gt;&lt;ResponseMetadata&gt;</c>
/// in the 2012-11-05 namespace, written from the same answer shapes as JSON (by way of their JSON), and
/// <c>&lt;ErrorResponse&gt;</c> errors with the query-era codes (<c>AWS.SimpleQueueService.NonExistentQueue</c>, …).
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
        if (output is not EmptyOutput)
        {
            // The answer shapes are the JSON protocol's; their JSON form is walked into the Query API's elements.
            w.WriteStartElement(action + "Result", Namespace);
            Members(w, action, JsonSerializer.SerializeToElement(output, output.GetType(), SqsJsonContext.Default));
            w.WriteEndElement();
        }

        w.WriteStartElement("ResponseMetadata", Namespace);
        w.WriteElementString("RequestId", Namespace, requestId);
        w.WriteEndElement();
        w.WriteEndElement();
    });

    public static byte[] Error(string code, string message, bool sender, string requestId) =>
        AwsErrorWriter.QueryError(SqsErrors.QueryCodeOf(code), message, sender, requestId, Namespace);

    // The 2012-11-05 Query API's element for each item of the members that are flattened lists and maps.
    private static string ElementOf(string action, string member) => member switch
    {
        "QueueUrls" => "QueueUrl",
        "Messages" => "Message",
        "Attributes" => "Attribute",
        "MessageAttributes" => "MessageAttribute",
        "Successful" => action + "ResultEntry",
        "Failed" => "BatchResultErrorEntry",
        _ => member,
    };

    // A structure's members as elements; a list is one element per item, a map one per entry with Name and Value.
    private static void Members(XmlWriter w, string action, JsonElement structure)
    {
        foreach (var member in structure.EnumerateObject())
        {
            var name = ElementOf(action, member.Name);
            if (member.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in member.Value.EnumerateArray())
                {
                    Value(w, action, name, item);
                }
            }
            else if (member.Value.ValueKind == JsonValueKind.Object && name != member.Name)
            {
                foreach (var entry in member.Value.EnumerateObject())
                {
                    w.WriteStartElement(name, Namespace);
                    w.WriteElementString("Name", Namespace, entry.Name);
                    Value(w, action, "Value", entry.Value);
                    w.WriteEndElement();
                }
            }
            else
            {
                Value(w, action, name, member.Value);
            }
        }
    }

    private static void Value(XmlWriter w, string action, string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            w.WriteStartElement(name, Namespace);
            Members(w, action, value);
            w.WriteEndElement();
            return;
        }

        // JSON's text for strings (base64 for binary), numbers and booleans is the Query API's; codes are the query-era ones.
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        w.WriteElementString(name, Namespace, name == "Code" ? SqsErrors.QueryCodeOf(text) : text);
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
