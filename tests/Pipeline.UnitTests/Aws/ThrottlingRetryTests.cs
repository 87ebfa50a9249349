using System.Net;
using Pipeline.Aws;
using Pipeline.UnitTests.Aws.Fakes;
using Xunit;

namespace Pipeline.UnitTests.Aws;

/// <summary>Throttling errors are retried up to MaxAttempts with growing backoff, then surface.</summary>
public sealed class ThrottlingRetryTests
{
    private readonly AwsTestClients _aws = new();

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "ThrottlingException")]
    [InlineData(HttpStatusCode.BadRequest, "Throttling")]
    [InlineData(HttpStatusCode.BadRequest, "TooManyRequestsException")]
    [InlineData(HttpStatusCode.BadRequest, "ProvisionedThroughputExceededException")]
    [InlineData(HttpStatusCode.BadRequest, "RequestLimitExceeded")]
    [InlineData(HttpStatusCode.TooManyRequests, "SomethingElse")]
    public async Task Retries_up_to_max_attempts_then_throws_the_last_error(HttpStatusCode status, string code)
    {
        for (var i = 0; i < 3; i++)
        {
            _aws.Handler.ThenJson(status, $$"""{"__type":"{{code}}","message":"Rate exceeded"}""");
        }

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Firehose().PutRecordAsync("s", new byte[] { 1 }));

        Assert.Equal(code, error.ErrorCode);
        Assert.True(error.IsThrottling);
        Assert.Equal(3, _aws.Handler.Requests.Count);
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], _aws.Delays.Delays);
    }

    [Fact]
    public async Task Succeeds_when_the_throttling_stops_and_re_signs_each_attempt()
    {
        _aws.Handler
            .ThenJson(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException"}""")
            .ThenJson(HttpStatusCode.OK, """{"RecordId":"r"}""");

        var result = await _aws.Firehose().PutRecordAsync("s", new byte[] { 1 });

        Assert.Equal("r", result.RecordId);
        Assert.Equal(2, _aws.Handler.Requests.Count);
        Assert.All(_aws.Handler.Requests, r => Assert.NotNull(r.Header("Authorization")));
        Assert.Equal(_aws.Handler.Requests[0].BodyText, _aws.Handler.Requests[1].BodyText);
    }

    [Fact]
    public async Task Honours_a_configured_max_attempts()
    {
        for (var i = 0; i < 5; i++)
        {
            _aws.Handler.ThenJson(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException"}""");
        }

        var options = _aws.Options() with { MaxAttempts = 5 };
        await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Firehose(options).PutRecordAsync("s", new byte[] { 1 }));

        Assert.Equal(5, _aws.Handler.Requests.Count);
        Assert.Equal([100, 200, 400, 800], _aws.Delays.Delays.Select(d => d.TotalMilliseconds));
    }
}
