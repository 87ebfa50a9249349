using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Pipeline.LocalCloud.S3.Notifications;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.LocalCloud.S3.Notifications;

/// <summary>Event records and the test event have AWS's members, in AWS's order, with the values of the event.</summary>
public sealed class S3EventRecordShapeTests
{
    private static readonly S3EventDetails Put = new(
        "ObjectCreated:Put",
        "lake",
        "raw/clickstream/year=2026/a b.json",
        1024,
        "\"d41d8cd98f00b204e9800998ecf8427e\"",
        "C3D13FE58DE4C810",
        new DateTimeOffset(2026, 12, 5, 13, 4, 5, 67, TimeSpan.Zero),
        "0000000000000000A1");

    [Fact]
    public void A_created_record_has_the_members_of_the_reference_event()
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(ReferenceFiles.Path("events", "s3-object-created-put.json")));
        using var record = JsonDocument.Parse(S3EventMessages.Record(Put, "us-east-1", "raw-clickstream"));

        // versionId is only in records of versioned buckets; LocalCloud's are not versioned.
        Assert.Equal(Paths(reference.RootElement).Where(p => !p.EndsWith(".versionId", StringComparison.Ordinal)), Paths(record.RootElement));
    }

    [Fact]
    public void A_created_record_carries_the_event_values()
    {
        using var record = JsonDocument.Parse(S3EventMessages.Record(Put, "us-east-1", "raw-clickstream"));
        var r = Assert.Single(record.RootElement.GetProperty("Records").EnumerateArray());
        var s3 = r.GetProperty("s3");

        Assert.Equal("2.1", r.GetProperty("eventVersion").GetString());
        Assert.Equal("aws:s3", r.GetProperty("eventSource").GetString());
        Assert.Equal("us-east-1", r.GetProperty("awsRegion").GetString());
        Assert.Equal("2026-12-05T13:04:05.067Z", r.GetProperty("eventTime").GetString());
        Assert.Equal("ObjectCreated:Put", r.GetProperty("eventName").GetString());
        Assert.Equal("C3D13FE58DE4C810", r.GetProperty("responseElements").GetProperty("x-amz-request-id").GetString());
        Assert.Equal("1.0", s3.GetProperty("s3SchemaVersion").GetString());
        Assert.Equal("raw-clickstream", s3.GetProperty("configurationId").GetString());
        Assert.Equal("lake", s3.GetProperty("bucket").GetProperty("name").GetString());
        Assert.Equal("arn:aws:s3:::lake", s3.GetProperty("bucket").GetProperty("arn").GetString());
        Assert.Equal("raw/clickstream/year%3D2026/a+b.json", s3.GetProperty("object").GetProperty("key").GetString());
        Assert.Equal(1024, s3.GetProperty("object").GetProperty("size").GetInt64());
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", s3.GetProperty("object").GetProperty("eTag").GetString());
        Assert.Equal("0000000000000000A1", s3.GetProperty("object").GetProperty("sequencer").GetString());
    }

    [Fact]
    public void A_removed_record_has_no_size_or_etag()
    {
        var removed = Put with { EventName = "ObjectRemoved:Delete", Size = null, ETag = null };

        using var record = JsonDocument.Parse(S3EventMessages.Record(removed, "us-east-1", "c"));
        var r = record.RootElement.GetProperty("Records")[0];
        var names = r.GetProperty("s3").GetProperty("object").EnumerateObject().Select(p => p.Name);

        Assert.Equal("ObjectRemoved:Delete", r.GetProperty("eventName").GetString());
        Assert.Equal(["key", "sequencer"], names);
    }

    [Fact]
    public void The_test_event_has_the_members_of_the_reference_test_event()
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(ReferenceFiles.Path("events", "s3-test-event.json")));
        using var test = JsonDocument.Parse(S3EventMessages.TestEvent("lake", "5582815E1AEA5ADF", Put.Time));

        Assert.Equal(Paths(reference.RootElement), Paths(test.RootElement));
        Assert.Equal("s3:TestEvent", test.RootElement.GetProperty("Event").GetString());
        Assert.Equal("lake", test.RootElement.GetProperty("Bucket").GetString());
    }

    [Fact]
    public void Sequencers_grow_even_within_one_clock_tick()
    {
        var sequencer = new EventSequencer(new FakeTimeProvider(Put.Time));

        var values = Enumerable.Range(0, 5).Select(_ => sequencer.Next()).ToList();

        Assert.Equal(values.Order(StringComparer.Ordinal), values);
        Assert.Equal(5, values.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Every member path in document order, e.g. <c>Records[].s3.object.key</c>.</summary>
    private static List<string> Paths(JsonElement element, string prefix = "")
    {
        var paths = new List<string>();
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
                paths.Add(path);
                paths.AddRange(Paths(property.Value, path));
            }
        }
        else if (element.ValueKind == JsonValueKind.Array && element.GetArrayLength() > 0)
        {
            paths.AddRange(Paths(element[0], prefix + "[]"));
        }

        return paths;
    }
}
