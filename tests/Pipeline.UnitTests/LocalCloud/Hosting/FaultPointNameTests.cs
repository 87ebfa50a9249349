using Pipeline.LocalCloud.Hosting;

namespace Pipeline.UnitTests.LocalCloud.Hosting;

/// <summary>
/// The test-only fault point's name is checked when LocalCloud starts, so a typo fails loudly instead of never
/// firing. (Only parsing is tested here: arming a point inside the test host could kill it.)
/// </summary>
public sealed class FaultPointNameTests
{
    [Theory]
    [InlineData("crawlrunning", FaultPoint.CrawlRunning)]
    [InlineData("JobRunPublished", FaultPoint.JobRunPublished)]
    [InlineData("FIREHOSEOBJECTSWRITTEN", FaultPoint.FirehoseObjectsWritten)]
    public void A_point_is_named_in_any_case(string name, FaultPoint expected) =>
        Assert.Equal(expected, FaultInjection.Parse(name));

    [Theory]
    [InlineData("CrawlRuning")]
    [InlineData("2")]
    public void An_unknown_name_is_refused_with_the_known_ones(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => FaultInjection.Parse(name));

        Assert.Contains(nameof(FaultPoint.CrawlRunning), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_name_is_no_point(string? name) => Assert.Null(FaultInjection.Parse(name));
}
