using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.LocalCloud.Sqs;
using Pipeline.LocalCloud.Sqs.Api;

namespace Pipeline.LocalCloud.Lambda.EventSources;

/// <summary>The event Lambda hands a function for a batch of SQS messages: <c>{"Records":[{messageId, receiptHandle, body, …}]}</c>.</summary>
public static class SqsEventBuilder
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Build(IReadOnlyList<SqsReceivedMessage> messages, string eventSourceArn, string region)
    {
        ArgumentNullException.ThrowIfNull(messages);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("Records");
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteString("messageId", message.MessageId);
                json.WriteString("receiptHandle", message.ReceiptHandle);
                json.WriteString("body", message.Body);
                json.WriteStartObject("attributes");
                json.WriteString("ApproximateReceiveCount", message.ReceiveCount.ToString(CultureInfo.InvariantCulture));
                json.WriteString("SentTimestamp", message.SentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
                json.WriteString("SenderId", SqsOperations.SenderId);
                json.WriteString("ApproximateFirstReceiveTimestamp", message.FirstReceivedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
                if (message.TraceHeader is { } traceHeader)
                {
                    json.WriteString(SqsOperations.TraceHeaderAttribute, traceHeader);
                }

                json.WriteEndObject();
                json.WriteStartObject("messageAttributes");
                foreach (var (name, attribute) in message.MessageAttributes)
                {
                    json.WriteStartObject(name);
                    if (attribute.StringValue is { } text)
                    {
                        json.WriteString("stringValue", text);
                    }

                    if (attribute.BinaryValue is { } bytes)
                    {
                        json.WriteBase64String("binaryValue", bytes);
                    }

                    json.WriteStartArray("stringListValues");
                    json.WriteEndArray();
                    json.WriteStartArray("binaryListValues");
                    json.WriteEndArray();
                    json.WriteString("dataType", attribute.DataType);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteString("md5OfBody", message.Md5OfBody);
                if (message.MessageAttributes.Count > 0 && message.Md5OfMessageAttributes is { } attributesMd5)
                {
                    json.WriteString("md5OfMessageAttributes", attributesMd5);
                }

                json.WriteString("eventSource", "aws:sqs");
                json.WriteString("eventSourceARN", eventSourceArn);
                json.WriteString("awsRegion", region);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
