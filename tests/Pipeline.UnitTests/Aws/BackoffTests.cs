using Pipeline.Aws.Core;
using Xunit;

namespace Pipeline.UnitTests.Aws;

/// <summary>Capped exponential backoff with full jitter: the ceiling doubles per retry up to the cap, jitter scales it.</summary>
public sealed class BackoffTests
{
    [Fact]
    public void Ceiling_doubles_from_the_base_and_stops_at_the_cap()
    {
        var policy = new AwsRetryPolicy(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), () => 1.0);

        Assert.Equal([100, 200, 400, 800, 1000, 1000], Enumerable.Range(1, 6).Select(r => policy.GetBackoff(r).TotalMilliseconds));
    }

    [Fact]
    public void Full_jitter_scales_the_ceiling()
    {
        var jitter = new Queue<double>([0.0, 0.5, 0.25]);
        var policy = new AwsRetryPolicy(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(20), jitter.Dequeue);

        Assert.Equal([0, 100, 100], Enumerable.Range(1, 3).Select(r => policy.GetBackoff(r).TotalMilliseconds));
    }

    [Fact]
    public void Default_options_are_aws_standard_mode()
    {
        var policy = AwsRetryPolicy.From(new Pipeline.Aws.AwsClientOptions());

        Assert.Equal((3, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(20)), (policy.MaxAttempts, policy.BaseBackoff, policy.MaxBackoff));
        Assert.Equal(TimeSpan.FromSeconds(20), new AwsRetryPolicy(100, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(20), () => 1.0).GetBackoff(80));
    }

    [Fact]
    public void Classifies_errors()
    {
        Assert.True(AwsRetryPolicy.IsRetryable(new HttpRequestException("reset"), CancellationToken.None));
        Assert.True(AwsRetryPolicy.IsRetryable(new TaskCanceledException("timeout"), CancellationToken.None));
        Assert.False(AwsRetryPolicy.IsRetryable(new TaskCanceledException("cancelled"), new CancellationToken(canceled: true)));
        Assert.False(AwsRetryPolicy.IsRetryable(new InvalidOperationException(), CancellationToken.None));
        Assert.False(AwsRetryPolicy.IsRetryable(new System.Text.Json.JsonException(), CancellationToken.None));
    }
}
