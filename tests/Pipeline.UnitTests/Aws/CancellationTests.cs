using System.Net;
using Pipeline.UnitTests.Aws.Fakes;
using Xunit;

namespace Pipeline.UnitTests.Aws;

/// <summary>A caller's cancellation stops the call at once: no retry, no backoff.</summary>
public sealed class CancellationTests
{
    private readonly AwsTestClients _aws = new();

    [Fact]
    public async Task Cancelling_during_a_request_is_not_retried()
    {
        using var cancel = new CancellationTokenSource();
        _aws.Handler.Then(async (_, ct) =>
        {
            await cancel.CancelAsync();
            ct.ThrowIfCancellationRequested();
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _aws.Firehose().PutRecordAsync("s", new byte[] { 1 }, cancel.Token));

        Assert.Single(_aws.Handler.Requests);
        Assert.Empty(_aws.Delays.Delays);
    }

    [Fact]
    public async Task Cancelling_after_a_throttle_stops_before_the_next_attempt()
    {
        using var cancel = new CancellationTokenSource();
        _aws.Handler.Then(async (_, _) =>
        {
            await cancel.CancelAsync();
            return FakeAwsHandler.Response(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException"}""", "application/x-amz-json-1.1");
        });

        var error = await Assert.ThrowsAsync<Pipeline.Aws.AwsServiceException>(() => _aws.Firehose().PutRecordAsync("s", new byte[] { 1 }, cancel.Token));

        Assert.Equal("ThrottlingException", error.ErrorCode);

        Assert.Single(_aws.Handler.Requests);
    }
}
