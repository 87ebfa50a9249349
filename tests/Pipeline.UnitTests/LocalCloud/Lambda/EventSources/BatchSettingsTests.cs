using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda.Api;

namespace Pipeline.UnitTests.LocalCloud.LambdaService.EventSources;

/// <summary>Lambda's limits on an SQS mapping's BatchSize and MaximumBatchingWindowInSeconds.</summary>
public sealed class BatchSettingsTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 1)]
    [InlineData(10_000, 300)]
    public void Settings_within_the_limits_are_accepted(int batchSize, int window)
    {
        EventSourceMappingApi.CheckBatching(batchSize, window);
        Assert.InRange(batchSize, 1, 10_000);
    }

    [Theory]
    [InlineData(0, 0, "ValidationException")]
    [InlineData(10_001, 5, "ValidationException")]
    [InlineData(10, 301, "ValidationException")]
    [InlineData(10, -1, "ValidationException")]
    [InlineData(11, 0, "InvalidParameterValueException")]
    public void Settings_beyond_the_limits_are_refused(int batchSize, int window, string code)
    {
        var error = Assert.Throws<AwsServiceException>(() => EventSourceMappingApi.CheckBatching(batchSize, window));

        Assert.Equal(code, error.Code);
    }
}
