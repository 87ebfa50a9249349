using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Sns;
using Pipeline.UnitTests.LocalCloud.Events.Fakes;
using Pipeline.UnitTests.LocalCloud.Sns.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Sns;

/// <summary>Publish refuses what SNS refuses, with SNS's codes and messages, and keeps nothing it refused.</summary>
public sealed class SnsPublishLimitsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sns-unit-").FullName;
    private readonly SnsService _sns;
    private readonly string _topic;

    public SnsPublishLimitsTests()
    {
        _sns = new SnsService(new LocalCloudOptions { DataDirectory = _directory }, () => new RecordingFunctionInvoker(), () => new RecordingSqsQueues(), TimeProvider.System, NullLogger<SnsService>.Instance);
        _topic = _sns.CreateTopic("alerts");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(SnsLimits.MaxMessageBytes + 1, null, "Invalid parameter: Message too long")]
    [InlineData(0, null, "Invalid parameter: Empty message")]
    [InlineData(10, "", "Invalid parameter: Subject")]
    [InlineData(10, "line\nbreak", "Invalid parameter: Subject")]
    [InlineData(10, "Résumé", "Invalid parameter: Subject")]
    public void Limits_are_invalid_parameters(int messageLength, string? subject, string expected)
    {
        var error = Assert.Throws<AwsServiceException>(() => _sns.Publish(_topic, new string('m', messageLength), subject, new Dictionary<string, SnsMessageAttribute>()));

        Assert.Equal("InvalidParameter", error.Code);
        Assert.Equal(expected, error.Message);
        Assert.Empty(_sns.Read("alerts"));
    }

    [Fact]
    public void A_subject_of_100_characters_is_too_long_and_99_is_not()
    {
        Assert.Throws<AwsServiceException>(() => _sns.Publish(_topic, "m", new string('s', 100), new Dictionary<string, SnsMessageAttribute>()));

        _sns.Publish(_topic, new string('m', SnsLimits.MaxMessageBytes), new string('s', 99), new Dictionary<string, SnsMessageAttribute>());

        Assert.Single(_sns.Read("alerts"));
    }

    [Fact]
    public void Unknown_topics_are_not_found()
    {
        var error = Assert.Throws<AwsServiceException>(() => _sns.Publish(_topic + "x", "m", null, new Dictionary<string, SnsMessageAttribute>()));

        Assert.Equal("NotFound", error.Code);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public void CreateTopic_is_idempotent_and_checks_the_name()
    {
        Assert.Equal(_topic, _sns.CreateTopic("alerts"));
        Assert.Equal("arn:aws:sns:us-east-1:000000000000:alerts", _topic);
        Assert.Equal("InvalidParameter", Assert.Throws<AwsServiceException>(() => _sns.CreateTopic("bad name")).Code);
    }
}
