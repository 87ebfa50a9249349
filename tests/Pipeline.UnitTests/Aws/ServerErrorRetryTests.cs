using System.Net;
using Pipeline.Aws;
using Pipeline.UnitTests.Aws.Fakes;
using Xunit;

namespace Pipeline.UnitTests.Aws;

/// <summary>5xx answers, transport failures and HttpClient timeouts are transient: retried like throttling.</summary>
public sealed class ServerErrorRetryTests
{
    private readonly AwsTestClients _aws = new();

    [Fact]
    public async Task Retries_503_and_succeeds_on_the_third_attempt()
    {
        _aws.Handler
            .ThenJson(HttpStatusCode.ServiceUnavailable, """{"__type":"ServiceUnavailableException","message":"busy"}""")
            .ThenJson(HttpStatusCode.InternalServerError, """{"__type":"InternalFailure"}""")
            .ThenJson(HttpStatusCode.OK, """{"RecordId":"r"}""");

        var result = await _aws.Firehose().PutRecordAsync("s", new byte[] { 1 });

        Assert.Equal("r", result.RecordId);
        Assert.Equal(3, _aws.Handler.Requests.Count);
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], _aws.Delays.Delays);
    }

    [Fact]
    public async Task Gives_up_on_503_after_max_attempts()
    {
        for (var i = 0; i < 3; i++)
        {
            _aws.Handler.ThenJson(HttpStatusCode.ServiceUnavailable, """{"__type":"ServiceUnavailableException","message":"busy"}""");
        }

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Firehose().PutRecordAsync("s", new byte[] { 1 }));

        Assert.Equal(AwsErrorCodes.ServiceUnavailable, error.ErrorCode);
        Assert.Equal(3, _aws.Handler.Requests.Count);
    }

    [Fact]
    public async Task Retries_connection_failures_and_http_client_timeouts()
    {
        _aws.Handler
            .ThenThrow(new HttpRequestException("Connection refused"))
            .ThenThrow(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException()))
            .ThenJson(HttpStatusCode.OK, """{"RecordId":"r"}""");

        var result = await _aws.Firehose().PutRecordAsync("s", new byte[] { 1 });

        Assert.Equal("r", result.RecordId);
        Assert.Equal(3, _aws.Handler.Requests.Count);
    }

    [Fact]
    public async Task Surfaces_the_transport_failure_after_max_attempts()
    {
        for (var i = 0; i < 3; i++)
        {
            _aws.Handler.ThenThrow(new HttpRequestException("Connection refused"));
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => _aws.Firehose().PutRecordAsync("s", new byte[] { 1 }));

        Assert.Equal(3, _aws.Handler.Requests.Count);
    }
}
