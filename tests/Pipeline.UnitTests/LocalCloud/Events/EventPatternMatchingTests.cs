using System.Text.Json;
using Pipeline.LocalCloud.Events.Patterns;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.LocalCloud.Events;

/// <summary>Patterns against the sample Glue events in tests/reference/events, per EventBridge's documented semantics.</summary>
public sealed class EventPatternMatchingTests
{
    public static TheoryData<string, string, bool> Cases => new()
    {
        // Exact values; an array is any of.
        { "glue-crawler-state-change-succeeded.json", """{"source":["aws.glue"]}""", true },
        { "glue-crawler-state-change-succeeded.json", """{"source":["aws.s3"]}""", false },
        { "glue-crawler-state-change-succeeded.json", """{"source":["aws.s3","aws.glue"],"detail-type":["Glue Crawler State Change"]}""", true },
        { "glue-job-state-change-succeeded.json", """{"detail-type":["Glue Crawler State Change"]}""", false },

        // Nested detail.
        { "glue-crawler-state-change-succeeded.json", """{"detail":{"state":["Succeeded"]}}""", true },
        { "glue-crawler-state-change-failed.json", """{"detail":{"state":["Succeeded"]}}""", false },
        { "glue-job-state-change-failed.json", """{"detail":{"state":["FAILED","TIMEOUT"]}}""", true },
        { "glue-job-state-change-timeout.json", """{"detail":{"state":["FAILED","TIMEOUT"]}}""", true },
        { "glue-job-state-change-succeeded.json", """{"detail":{"state":["FAILED","TIMEOUT"]}}""", false },

        // prefix and suffix.
        { "glue-crawler-state-change-succeeded.json", """{"detail":{"crawlerName":[{"prefix":"SchedulerTest"}]}}""", true },
        { "glue-crawler-state-change-started.json", """{"detail":{"crawlerName":[{"prefix":"SchedulerTest"}]}}""", false },
        { "glue-crawler-state-change-succeeded.json", """{"detail":{"message":[{"suffix":"Succeeded"}]}}""", true },

        // anything-but: a value, a list, a prefix.
        { "glue-crawler-state-change-succeeded.json", """{"detail":{"state":[{"anything-but":"Failed"}]}}""", true },
        { "glue-crawler-state-change-failed.json", """{"detail":{"state":[{"anything-but":"Failed"}]}}""", false },
        { "glue-crawler-state-change-started.json", """{"detail":{"state":[{"anything-but":["Started","Failed"]}]}}""", false },
        { "glue-crawler-state-change-succeeded.json", """{"detail":{"state":[{"anything-but":["Started","Failed"]}]}}""", true },
        { "glue-crawler-state-change-succeeded.json", """{"detail":{"crawlerName":[{"anything-but":{"prefix":"Scheduler"}}]}}""", false },
        { "glue-crawler-state-change-started.json", """{"detail":{"crawlerName":[{"anything-but":{"prefix":"Scheduler"}}]}}""", true },

        // exists, and absent fields.
        { "glue-crawler-state-change-failed.json", """{"detail":{"errorMessage":[{"exists":true}]}}""", true },
        { "glue-crawler-state-change-succeeded.json", """{"detail":{"errorMessage":[{"exists":true}]}}""", false },
        { "glue-crawler-state-change-succeeded.json", """{"detail":{"errorMessage":[{"exists":false}]}}""", true },
        { "glue-crawler-state-change-succeeded.json", """{"detail":{"errorMessage":["Internal Service Exception"]}}""", false },
        { "glue-crawler-state-change-succeeded.json", """{"detail":{"errorMessage":[{"anything-but":"x"}]}}""", false },
        { "glue-crawler-state-change-succeeded.json", """{"detail":{"nested":{"field":[{"exists":false}]}}}""", false },

        // equals-ignore-case.
        { "glue-job-state-change-succeeded.json", """{"detail":{"state":[{"equals-ignore-case":"succeeded"}]}}""", true },

        // Every field must match.
        { "glue-crawler-state-change-succeeded.json", """{"source":["aws.glue"],"detail":{"state":["Failed"]}}""", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_as_EventBridge_does(string sample, string pattern, bool expected)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ReferenceFiles.Path("events", sample)));

        Assert.Equal(expected, EventPattern.Parse(pattern).Matches(document.RootElement));
    }

    [Theory]
    [InlineData("""{"detail":{"count":[{"numeric":[">",0,"<=",5]}]}}""", 5, true)]
    [InlineData("""{"detail":{"count":[{"numeric":[">",0,"<=",5]}]}}""", 6, false)]
    [InlineData("""{"detail":{"count":[{"numeric":["=",3]}]}}""", 3.0, true)]
    [InlineData("""{"detail":{"count":[3]}}""", 3.0, true)]
    public void Matches_numbers_by_value(string pattern, double count, bool expected)
    {
        using var document = JsonDocument.Parse($$$"""{"detail":{"count":{{{count.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}}}""");

        Assert.Equal(expected, EventPattern.Parse(pattern).Matches(document.RootElement));
    }

    [Fact]
    public void An_array_in_the_event_matches_when_any_element_does()
    {
        using var document = JsonDocument.Parse("""{"resources":["arn:a","arn:b"]}""");

        Assert.True(EventPattern.Parse("""{"resources":["arn:b"]}""").Matches(document.RootElement));
        Assert.False(EventPattern.Parse("""{"resources":["arn:c"]}""").Matches(document.RootElement));
    }
}
