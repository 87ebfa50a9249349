using Pipeline.LocalCloud.Athena.Results;

namespace Pipeline.UnitTests.LocalCloud.Athena;

/// <summary>Values are printed as Athena (Trino, in Java) prints them.</summary>
public sealed class ValueTextTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(96.5, "96.5")]
    [InlineData(-0.25, "-0.25")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "1.0E-4")]
    [InlineData(1234567.0, "1234567.0")]
    [InlineData(12345678.0, "1.2345678E7")]
    [InlineData(1e21, "1.0E21")]
    [InlineData(0.0, "0.0")]
    public void Doubles_look_like_java(double value, string text) => Assert.Equal(text, ValueText.JavaDouble(value));

    [Fact]
    public void Nested_values_use_trino_text()
    {
        var row = new Dictionary<string, object?> { ["speed_kmh"] = 12.5, ["tags"] = new object?[] { "a", null }, ["ok"] = true };

        Assert.Equal("{speed_kmh=12.5, tags=[a, null], ok=true}", ValueText.Format(row));
        Assert.Equal("2026-01-02 03:04:05.006", ValueText.Format(new DateTime(2026, 1, 2, 3, 4, 5, 6)));
        Assert.Equal("2026-01-02 03:04:05.000 UTC", ValueText.Format(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        Assert.Null(ValueText.Format(null));
    }
}
