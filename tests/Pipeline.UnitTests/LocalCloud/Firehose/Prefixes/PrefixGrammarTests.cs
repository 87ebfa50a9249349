using System.Text.RegularExpressions;
using Pipeline.LocalCloud.Firehose.Prefixes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Prefixes.PrefixExamples;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Prefixes;

/// <summary>The !{namespace:value} grammar and what each expression evaluates to.</summary>
public sealed partial class PrefixGrammarTests
{
    [Theory]
    [InlineData("data/!{timestamp:yyyy", "does not start an expression")]
    [InlineData("data/!{timestamp}", "does not start an expression")]
    [InlineData("!{", "does not start an expression")]
    [InlineData("data/!{}/", "does not start an expression")]
    [InlineData("data/!{time:yyyy}/", "Unknown expression namespace 'time'")]
    [InlineData("data/!{Timestamp:yyyy}/", "Unknown expression namespace 'Timestamp'")]
    [InlineData("data/!{firehose:uuid}/", "Unknown firehose expression")]
    [InlineData("data/!{timestamp:}/", "needs a DateTimeFormatter pattern")]
    [InlineData("data/!{timestamp:yyyy/bb}/", "Unknown pattern letter: b")]
    [InlineData("data/!{partitionKeyFromQuery:}/", "needs a key name")]
    [InlineData("data/!{partitionKeyFromLambda:}/", "needs a key name")]
    public void The_sequence_bang_brace_only_starts_a_valid_expression(string prefix, string expected)
    {
        Assert.False(PrefixTemplate.TryParse(prefix, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a!b/{c}/!", "a!b/{c}/!")]
    [InlineData("data/! {x}/", "data/! {x}/")]
    [InlineData("year=!{timestamp:yyyy}!!{timestamp:MM}", "year=2018!08")]
    public void A_bang_or_a_brace_alone_is_literal(string prefix, string expected)
    {
        Assert.Equal(expected, Evaluate(PrefixTemplate.Parse(prefix), TableInstant));
    }

    [Fact]
    public void Every_timestamp_in_a_prefix_evaluates_the_same_instant()
    {
        var template = PrefixTemplate.Parse("!{timestamp:yyyy}/!{timestamp:MM}/!{timestamp:dd}/!{timestamp:HH}/!{timestamp:mm}/!{timestamp:ss}/!{timestamp:SSS}");
        var instant = new DateTimeOffset(2018, 12, 31, 23, 59, 59, 999, TimeSpan.Zero);

        // Had each expression read its own clock, the year could come from one instant and the second from the next.
        Assert.Equal("2018/12/31/23/59/59/999", Evaluate(template, instant));
    }

    [Fact]
    public void Each_random_string_is_eleven_characters_and_new_for_every_use()
    {
        var template = PrefixTemplate.Parse("!{firehose:random-string}/!{firehose:random-string}/");

        var parts = Evaluate(template, TableInstant).Split('/', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, parts.Length);
        Assert.All(parts, part => Assert.Matches(RandomString(), part));
        Assert.NotEqual(parts[0], parts[1]);
        Assert.NotEqual(Evaluate(template, TableInstant), Evaluate(template, TableInstant));
    }

    [Fact]
    public void Random_strings_come_from_the_values_when_given()
    {
        var template = PrefixTemplate.Parse("a=!{firehose:random-string}/b=!{firehose:random-string}/");

        var text = template.Evaluate(new PrefixValues(TableInstant, TimeZoneInfo.Utc, index => $"r{index}"));

        Assert.Equal("a=r0/b=r1/", text);
    }

    [Fact]
    public void Repeated_error_output_types_are_the_same_string()
    {
        var template = PrefixTemplate.Parse("!{firehose:error-output-type}/x/!{firehose:error-output-type}/");

        Assert.Equal("processing-failed/x/processing-failed/", Evaluate(template, TableInstant, ErrorOutputType.ProcessingFailed));
    }

    [Fact]
    public void The_documented_error_output_type_example()
    {
        var template = PrefixTemplate.Parse("myPrefix/result=!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}");

        Assert.Equal("myPrefix/result=processing-failed/2018/08/03", Evaluate(template, new DateTimeOffset(2018, 8, 3, 12, 0, 0, TimeSpan.Zero), ErrorOutputType.ProcessingFailed));
    }

    [Fact]
    public void Partition_keys_come_from_their_source()
    {
        var template = PrefixTemplate.Parse("customer_id=!{partitionKeyFromQuery:customer_id}/device=!{partitionKeyFromLambda:device}/");

        var text = template.Evaluate(new PrefixValues(
            TableInstant,
            TimeZoneInfo.Utc,
            PartitionKey: (source, key) => $"{source}:{key}"));

        Assert.Equal("customer_id=Query:customer_id/device=Lambda:device/", text);
    }

    [Fact]
    public void A_custom_time_zone_shifts_every_timestamp()
    {
        var template = PrefixTemplate.Parse("!{timestamp:yyyy/MM/dd/HH}/");
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        // 20:30 UTC on Aug 27 is 05:30 on Aug 28 in Tokyo (UTC+9).
        var text = template.Evaluate(new PrefixValues(new DateTimeOffset(2018, 8, 27, 20, 30, 0, TimeSpan.Zero), tokyo));

        Assert.Equal("2018/08/28/05/", text);
    }

    [GeneratedRegex("^[0-9a-f]{11}$")]
    private static partial Regex RandomString();
}
