using Pipeline.LocalCloud.Events.Patterns;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.UnitTests.LocalCloud.Events;

/// <summary>PutRule refuses patterns EventBridge refuses, with InvalidEventPatternException.</summary>
public sealed class EventPatternValidationTests
{
    [Theory]
    [InlineData("not json")]
    [InlineData("""["aws.glue"]""")]
    [InlineData("""{"source":"aws.glue"}""")]
    [InlineData("""{"source":[["aws.glue"]]}""")]
    [InlineData("""{"source":[{"prefix":1}]}""")]
    [InlineData("""{"source":[{"wildcard-ish":"a"}]}""")]
    [InlineData("""{"source":[{"prefix":"a","suffix":"b"}]}""")]
    [InlineData("""{"detail":{"n":[{"numeric":[">"]}]}}""")]
    [InlineData("""{"detail":{"n":[{"exists":"yes"}]}}""")]
    public void Invalid_patterns_are_refused(string pattern)
    {
        var error = Assert.Throws<AwsServiceException>(() => EventPattern.Parse(pattern));

        Assert.Equal("InvalidEventPatternException", error.Code);
        Assert.StartsWith("Event pattern is not valid. Reason: ", error.Message, StringComparison.Ordinal);
    }
}
