using System.Text;
using Pipeline.Aws.Glue;
using Pipeline.Notifier.Notifying;

namespace Pipeline.UnitTests.Functions.Notifier;

/// <summary>SNS: a subject of at most 100 printable ASCII characters, a message of at most 256 KB.</summary>
public sealed class NotifierStaysWithinSnsLimitsTests
{
    [Fact]
    public async Task A_huge_partition_list_is_cut_to_fit_and_the_message_says_so()
    {
        var fixture = new NotifierFixture();
        var jobEvent = fixture.Event("glue-job-state-change-succeeded.json", JobRunState.Succeeded);
        var partitions = Enumerable.Range(0, 20_000).Select(i => $"vendor=vendor-{i:D6}/event_date=2026-11-22").ToArray();
        fixture.PutSummary($"job-runs/{NotifierFixture.Job}/{jobEvent.Detail.JobRunId}.json", 1, partitions);

        var outcome = await fixture.Notifier.HandleAsync(jobEvent, CancellationToken.None);

        var message = Assert.Single(fixture.Sns.Published).Message!;
        Assert.True(outcome.Truncated);
        Assert.InRange(Encoding.UTF8.GetByteCount(message), 200 * 1024, NotificationText.MaxMessageBytes);
        Assert.Contains("Partitions (20000):\n  vendor=vendor-000000/event_date=2026-11-22\n", message);
        var listed = message.Split('\n').Count(l => l.StartsWith("  vendor=", StringComparison.Ordinal));
        Assert.Contains($"  ... and {20_000 - listed} more, left out to keep the message within SNS's 256 KB limit\n", message);
        Assert.EndsWith($"/log-events/{jobEvent.Detail.JobRunId}\n", message);
    }

    [Fact]
    public async Task A_list_that_fits_is_not_truncated()
    {
        var fixture = new NotifierFixture();
        var jobEvent = fixture.Event("glue-job-state-change-succeeded.json", JobRunState.Succeeded);
        fixture.PutSummary($"job-runs/{NotifierFixture.Job}/{jobEvent.Detail.JobRunId}.json", 1, "vendor=a/event_date=2026-11-22");

        var outcome = await fixture.Notifier.HandleAsync(jobEvent, CancellationToken.None);

        Assert.False(outcome.Truncated);
        Assert.DoesNotContain("left out", Assert.Single(fixture.Sns.Published).Message);
    }

    [Theory]
    [InlineData("vehicle_telemetry", "SUCCEEDED", "[pipeline] vehicle_telemetry ETL SUCCEEDED")]
    [InlineData("clickstream", "TIMEOUT", "[pipeline] clickstream ETL TIMEOUT")]
    [InlineData("caf\u00e9\nline", "FAILED", "[pipeline] caf??line ETL FAILED")]
    public void The_subject_follows_the_pattern_in_printable_ascii(string dataset, string state, string expected) =>
        Assert.Equal(expected, NotificationText.Subject(dataset, state));

    [Fact]
    public void A_subject_over_100_characters_is_shortened_keeping_the_state()
    {
        var subject = NotificationText.Subject(new string('d', 150), "SUCCEEDED");

        Assert.Equal(NotificationText.MaxSubjectLength, subject.Length);
        Assert.StartsWith("[pipeline] ddd", subject);
        Assert.EndsWith("... ETL SUCCEEDED", subject);
    }
}
