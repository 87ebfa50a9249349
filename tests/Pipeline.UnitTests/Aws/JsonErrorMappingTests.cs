using System.Net;
using Pipeline.Aws;
using Pipeline.UnitTests.Aws.Fakes;
using Xunit;

namespace Pipeline.UnitTests.Aws;

/// <summary>JSON-protocol error responses become an AwsServiceException with the bare code, message, status and request id.</summary>
public sealed class JsonErrorMappingTests
{
    private readonly AwsTestClients _aws = new();

    [Theory]
    [InlineData("ResourceNotFoundException")]
    [InlineData("com.amazonaws.firehose#ResourceNotFoundException")]
    [InlineData("ResourceNotFoundException:http://internal.amazon.com/coral/com.amazon.coral.validate/")]
    [InlineData("aws.firehose#ResourceNotFoundException:http://internal.amazon.com/coral/")]
    public async Task Strips_the_namespace_and_suffix_from___type(string type)
    {
        _aws.Handler.ThenJson(HttpStatusCode.BadRequest, $$"""{"__type":"{{type}}","message":"Stream s not found."}""", ("x-amzn-RequestId", "req-42"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Firehose().PutRecordAsync("s", new byte[] { 1 }));

        Assert.Equal(AwsErrorCodes.ResourceNotFound, error.ErrorCode);
        Assert.Equal("Stream s not found.", error.Message);
        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal("req-42", error.RequestId);
        Assert.Equal(("Firehose", "PutRecord"), (error.Service, error.Operation));
        Assert.False(error.IsThrottling);
    }

    [Fact]
    public async Task Reads_a_capitalised_Message()
    {
        _aws.Handler.ThenJson(HttpStatusCode.BadRequest, """{"__type":"InvalidArgumentException","Message":"Records too big."}""");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Firehose().PutRecordAsync("s", new byte[] { 1 }));

        Assert.Equal((AwsErrorCodes.InvalidArgument, "Records too big."), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task Prefers_the_x_amzn_ErrorType_header_over_the_body()
    {
        _aws.Handler.ThenJson(HttpStatusCode.BadRequest, """{"__type":"Other","message":"m"}""", ("x-amzn-ErrorType", "ResourceInUseException:http://internal.amazon.com/"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Firehose().DeleteDeliveryStreamAsync("s"));

        Assert.Equal(AwsErrorCodes.ResourceInUse, error.ErrorCode);
    }

    [Fact]
    public async Task Falls_back_to_the_status_when_the_body_is_not_json()
    {
        var options = _aws.Options() with { MaxAttempts = 1 };
        _aws.Handler.Then((_, _) => Task.FromResult(FakeAwsHandler.Response(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Firehose(options).PutRecordAsync("s", new byte[] { 1 }));

        Assert.Equal("BadGateway", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadGateway, error.HttpStatusCode);
        Assert.True(error.IsServerError);
        Assert.Contains("HTTP 502", error.Message, StringComparison.Ordinal);
    }
}
