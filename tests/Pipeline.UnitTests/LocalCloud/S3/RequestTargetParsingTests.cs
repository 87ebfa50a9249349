using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.S3;
using Pipeline.LocalCloud.S3.Http;

namespace Pipeline.UnitTests.LocalCloud.S3;

/// <summary>Bucket and key come from the raw request target, path-style or virtual-hosted, taken literally.</summary>
public sealed class RequestTargetParsingTests
{
    [Theory]
    [InlineData("/", "127.0.0.1", null, null)]
    [InlineData("/bucket", "127.0.0.1", "bucket", null)]
    [InlineData("/bucket/", "localhost", "bucket", null)]
    [InlineData("/bucket/a/b.json?list-type=2", "127.0.0.1", "bucket", "a/b.json")]
    [InlineData("/bucket/../../etc/passwd", "127.0.0.1", "bucket", "../../etc/passwd")]
    [InlineData("/bucket/%2e%2e/x", "127.0.0.1", "bucket", "../x")]
    [InlineData("/bucket//leading", "127.0.0.1", "bucket", "/leading")]
    [InlineData("/bucket/a%2Fb", "127.0.0.1", "bucket", "a/b")]
    [InlineData("/bucket/a%252Fb", "127.0.0.1", "bucket", "a%2Fb")]
    [InlineData("/bucket/a+b%20c", "127.0.0.1", "bucket", "a+b c")]
    [InlineData("/bucket/%C3%A9t%C3%A9/%F0%9F%98%80", "127.0.0.1", "bucket", "été/😀")]
    [InlineData("/bucket/nul%00", "127.0.0.1", "bucket", "nul\0")]
    [InlineData("http://127.0.0.1:4566/bucket/key", "127.0.0.1", "bucket", "key")]
    [InlineData("/key/inside", "my.bucket.localhost", "my.bucket", "key/inside")]
    [InlineData("/", "bucket.s3.localhost", "bucket", null)]
    [InlineData("/bucket/key", "s3.localhost", "bucket", "key")]
    [InlineData("/?list-type=2", "bucket.localhost", "bucket", null)]
    public void Finds_bucket_and_key(string rawTarget, string host, string? bucket, string? key) =>
        Assert.Equal(new S3Target(bucket, key), S3TargetParser.Parse(rawTarget, host));

    [Theory]
    [InlineData("/bucket/bad%ZZ")]
    [InlineData("/bucket/bad%C3")]
    [InlineData("/bucket/trailing%")]
    public void Refuses_targets_that_do_not_decode_to_UTF8(string rawTarget)
    {
        var error = Assert.Throws<AwsServiceException>(() => S3TargetParser.Parse(rawTarget, "127.0.0.1"));

        Assert.Equal("InvalidURI", error.Code);
    }
}
