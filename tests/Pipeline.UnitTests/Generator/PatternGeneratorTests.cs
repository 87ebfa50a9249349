using System.Text.RegularExpressions;
using Bogus;
using Pipeline.Generator.Data.Schema;

namespace Pipeline.UnitTests.Generator;

/// <summary>The pattern generator inverts the regular expressions schemas use, and says so when it cannot.</summary>
public sealed class PatternGeneratorTests
{
    [Theory]
    [InlineData("^[A-HJ-NPR-Z0-9]{17}$")]
    [InlineData("^[PBCU][0-9A-F]{4}$")]
    [InlineData("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    [InlineData("^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")]
    [InlineData("^[A-Z]{2}$")]
    [InlineData(@"^(?:INV|CRN)-\d{3,6}(\.[a-z]+)?$")]
    [InlineData(@"^[^\s@]+@example\.(com|org)$")]
    [InlineData(@"^\w+\s\W?$")]
    public void Generated_strings_match_the_pattern(string pattern)
    {
        var generator = PatternGenerator.Parse(pattern);
        var random = new Randomizer(1);
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);

        for (var i = 0; i < 200; i++)
        {
            var value = generator.Generate(random);
            Assert.Matches(regex, value);
        }
    }

    [Theory]
    [InlineData("^(?=a)a$")]
    [InlineData(@"^(a)\1$")]
    [InlineData(@"^\bword$")]
    [InlineData("^[a-z")]
    public void Patterns_beyond_the_subset_are_rejected(string pattern)
    {
        var error = Assert.Throws<NotSupportedException>(() => PatternGenerator.Parse(pattern));

        Assert.Contains(pattern, error.Message);
    }
}
