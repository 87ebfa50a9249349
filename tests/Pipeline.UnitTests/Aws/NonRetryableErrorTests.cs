using System.Net;
using Pipeline.Aws;
using Pipeline.UnitTests.Aws.Fakes;
using Xunit;

namespace Pipeline.UnitTests.Aws;

/// <summary>Client errors that waiting cannot fix fail on the first attempt.</summary>
public sealed class NonRetryableErrorTests
{
    private readonly AwsTestClients _aws = new();

    [Theory]
    [InlineData("InvalidArgumentException")]
    [InlineData("ValidationException")]
    [InlineData("ResourceNotFoundException")]
    [InlineData("AccessDeniedException")]
    [InlineData("LimitExceededException")]
    public async Task Does_not_retry(string code)
    {
        _aws.Handler.ThenJson(HttpStatusCode.BadRequest, $$"""{"__type":"{{code}}","message":"no"}""");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Firehose().PutRecordBatchAsync("s", [new byte[] { 1 }]));

        Assert.Equal(code, error.ErrorCode);
        Assert.Single(_aws.Handler.Requests);
        Assert.Empty(_aws.Delays.Delays);
    }
}
