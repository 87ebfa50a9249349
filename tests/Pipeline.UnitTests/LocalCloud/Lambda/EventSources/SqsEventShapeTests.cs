using System.Text.Json;
using Pipeline.LocalCloud.Lambda.EventSources;
using Pipeline.LocalCloud.Sqs;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.LocalCloud.LambdaService.EventSources;

/// <summary>The SQS event a function receives has the members of Lambda's, with the messages' values.</summary>
public sealed class SqsEventShapeTests
{
    private static readonly SqsReceivedMessage Message = new(
        "059f36b4-87a3-44ab-83d2-661975830a7d",
        "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a",
        "test",
        "098f6bcd4621d373cade4e832627b4f6",
        new Dictionary<string, SqsMessageAttribute>(),
        null,
        2,
        DateTimeOffset.FromUnixTimeMilliseconds(1545082649183),
        DateTimeOffset.FromUnixTimeMilliseconds(1545082649185));

    [Fact]
    public void A_record_has_the_members_of_the_reference_event()
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(ReferenceFiles.Path("events", "sqs-event.json")));
        using var built = JsonDocument.Parse(SqsEventBuilder.Build([Message], "arn:aws:sqs:us-east-1:000000000000:jobs", "us-east-1"));

        Assert.Equal(
            Names(reference.RootElement.GetProperty("Records")[0]).Order(StringComparer.Ordinal),
            Names(built.RootElement.GetProperty("Records")[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_record_carries_the_message_and_its_source()
    {
        using var built = JsonDocument.Parse(SqsEventBuilder.Build([Message], "arn:aws:sqs:us-east-1:000000000000:jobs", "us-east-1"));
        var record = built.RootElement.GetProperty("Records")[0];

        Assert.Equal(Message.MessageId, record.GetProperty("messageId").GetString());
        Assert.Equal(Message.ReceiptHandle, record.GetProperty("receiptHandle").GetString());
        Assert.Equal("test", record.GetProperty("body").GetString());
        Assert.Equal("2", record.GetProperty("attributes").GetProperty("ApproximateReceiveCount").GetString());
        Assert.Equal("1545082649183", record.GetProperty("attributes").GetProperty("SentTimestamp").GetString());
        Assert.Equal("1545082649185", record.GetProperty("attributes").GetProperty("ApproximateFirstReceiveTimestamp").GetString());
        Assert.Equal("aws:sqs", record.GetProperty("eventSource").GetString());
        Assert.Equal("arn:aws:sqs:us-east-1:000000000000:jobs", record.GetProperty("eventSourceARN").GetString());
        Assert.Equal("us-east-1", record.GetProperty("awsRegion").GetString());
    }

    [Fact]
    public void Message_attributes_are_written_in_lambdas_shape()
    {
        var withAttributes = Message with
        {
            MessageAttributes = new Dictionary<string, SqsMessageAttribute>
            {
                ["kind"] = new("String", "raw", null),
                ["blob"] = new("Binary", null, [1, 2, 3]),
            },
            Md5OfMessageAttributes = "582c92c5c5b6ac403040a4f3ab3115c9",
        };

        using var built = JsonDocument.Parse(SqsEventBuilder.Build([withAttributes], "arn:aws:sqs:us-east-1:000000000000:jobs", "us-east-1"));
        var attributes = built.RootElement.GetProperty("Records")[0].GetProperty("messageAttributes");

        Assert.Equal(("raw", "String"), (attributes.GetProperty("kind").GetProperty("stringValue").GetString(), attributes.GetProperty("kind").GetProperty("dataType").GetString()));
        Assert.Equal("AQID", attributes.GetProperty("blob").GetProperty("binaryValue").GetString());
        Assert.Equal(0, attributes.GetProperty("kind").GetProperty("stringListValues").GetArrayLength());
    }

    private static IEnumerable<string> Names(JsonElement element) =>
        element.EnumerateObject().SelectMany(p => p.Value.ValueKind == JsonValueKind.Object && p.Name != "messageAttributes"
            ? [p.Name, .. Names(p.Value).Select(n => $"{p.Name}.{n}")]
            : new[] { p.Name });
}
