using Pipeline.LocalCloud.Firehose.Prefixes;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Prefixes;

/// <summary>The Java DateTimeFormatter subset of !{timestamp:…}.</summary>
public sealed class TimestampPatternTests
{
    // A Sunday, day 34 of the year, 07:05:09.042 — small values show the padding.
    private static readonly DateTime Instant = new DateTime(2019, 2, 3, 7, 5, 9, DateTimeKind.Utc).AddTicks(423_456);

    [Theory]
    [InlineData("yyyy", "2019")]
    [InlineData("yy", "19")]
    [InlineData("y", "2019")]
    [InlineData("yyyyy", "02019")]
    [InlineData("uuuu", "2019")]
    [InlineData("MM", "02")]
    [InlineData("M", "2")]
    [InlineData("MMM", "Feb")]
    [InlineData("MMMM", "February")]
    [InlineData("dd", "03")]
    [InlineData("d", "3")]
    [InlineData("DDD", "034")]
    [InlineData("DD", "34")]
    [InlineData("D", "34")]
    [InlineData("HH", "07")]
    [InlineData("H", "7")]
    [InlineData("hh", "07")]
    [InlineData("kk", "07")]
    [InlineData("K", "7")]
    [InlineData("a", "AM")]
    [InlineData("mm", "05")]
    [InlineData("ss", "09")]
    [InlineData("SSS", "042")]
    [InlineData("S", "0")]
    [InlineData("SSSSSSS", "0423456")]
    [InlineData("E", "Sun")]
    [InlineData("EEE", "Sun")]
    [InlineData("EEEE", "Sunday")]
    [InlineData("yyyy/MM/dd/HH/", "2019/02/03/07/")]
    [InlineData("yyyy-MM-dd", "2019-02-03")]
    [InlineData("yyyy'-'MM'-'dd", "2019-02-03")]
    [InlineData("'year='yyyy", "year=2019")]
    [InlineData("yyyy''MM", "2019'02")]
    [InlineData("'it''s' yyyy", "it's 2019")]
    [InlineData("'quoted letters yMd'", "quoted letters yMd")]
    [InlineData("yyyy_MM.dd HH:mm", "2019_02.03 07:05")]
    public void Formats_the_supported_letters_and_literals(string pattern, string expected)
    {
        Assert.True(JavaTimestampPattern.TryParse(pattern, out var compiled, out var error), error);
        Assert.Equal(expected, compiled.Format(Instant));
    }

    [Fact]
    public void Midnight_and_the_afternoon_in_the_twelve_and_twenty_four_hour_letters()
    {
        var midnight = new DateTime(2019, 2, 3, 0, 0, 0, DateTimeKind.Utc);
        var afternoon = new DateTime(2019, 2, 3, 13, 0, 0, DateTimeKind.Utc);

        Assert.Equal("24 12 0 AM", Format("kk hh K a", midnight));
        Assert.Equal("13 01 1 PM", Format("kk hh K a", afternoon));
    }

    [Fact]
    public void The_last_day_of_a_leap_year_is_day_366()
    {
        Assert.Equal("366", Format("DDD", new DateTime(2020, 12, 31, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("yyyy/bb", "Unknown pattern letter: b")]
    [InlineData("yyyy/MM/ddd", "Too many pattern letters: d")]
    [InlineData("HHH", "Too many pattern letters: H")]
    [InlineData("DDDD", "Too many pattern letters: D")]
    [InlineData("aa", "Too many pattern letters: a")]
    [InlineData("yyyy'-", "Pattern ends with an incomplete string literal: yyyy'-")]
    [InlineData("yyyy#", "Pattern includes reserved character: '#'")]
    [InlineData("yyyy{", "Pattern includes reserved character: '{'")]
    public void Rejects_what_Java_rejects(string pattern, string expected)
    {
        Assert.False(JavaTimestampPattern.TryParse(pattern, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("ww", 'w')]
    [InlineData("yyyy VV", 'V')]
    [InlineData("Q", 'Q')]
    [InlineData("XXX", 'X')]
    public void Rejects_Java_letters_LocalCloud_does_not_format_rather_than_format_them_wrongly(string pattern, char letter)
    {
        Assert.False(JavaTimestampPattern.TryParse(pattern, out _, out var error));
        Assert.Contains($"does not support the DateTimeFormatter pattern letter '{letter}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_optional_sections()
    {
        Assert.False(JavaTimestampPattern.TryParse("yyyy[MM]", out _, out var error));
        Assert.Contains("optional sections", error, StringComparison.Ordinal);
    }

    private static string Format(string pattern, DateTime instant)
    {
        Assert.True(JavaTimestampPattern.TryParse(pattern, out var compiled, out var error), error);
        return compiled.Format(instant);
    }
}
