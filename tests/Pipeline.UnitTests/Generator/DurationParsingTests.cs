using Pipeline.Generator.Cli;

namespace Pipeline.UnitTests.Generator;

/// <summary>--duration reads durations as people write them and refuses anything else.</summary>
public sealed class DurationParsingTests
{
    [Theory]
    [InlineData("60s", 60)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("1.5h", 5400)]
    [InlineData("500ms", 0.5)]
    [InlineData("90", 90)]
    [InlineData("00:01:30", 90)]
    public void Durations_read_as_people_write_them(string text, double seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5s")]
    [InlineData("0s")]
    [InlineData("5d")]
    public void Nonsense_durations_are_refused(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _));
    }
}
