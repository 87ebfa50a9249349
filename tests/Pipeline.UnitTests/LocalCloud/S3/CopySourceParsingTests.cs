using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.S3.Operations;

namespace Pipeline.UnitTests.LocalCloud.S3;

/// <summary>x-amz-copy-source names a bucket and a URL-encoded key, with or without a leading slash.</summary>
public sealed class CopySourceParsingTests
{
    [Theory]
    [InlineData("bucket/key", "bucket", "key")]
    [InlineData("/bucket/dir/key.json", "bucket", "dir/key.json")]
    [InlineData("/bucket/a%20b%2Bc/%C3%A9", "bucket", "a b+c/é")]
    [InlineData("bucket/key?versionId=null", "bucket", "key")]
    [InlineData("bucket/%3Fnot-a-query", "bucket", "?not-a-query")]
    public void Parses_bucket_and_key(string header, string bucket, string key) =>
        Assert.Equal((bucket, key), ObjectOperations.ParseCopySource(header));

    [Theory]
    [InlineData("")]
    [InlineData("bucket")]
    [InlineData("bucket/")]
    [InlineData("/key-without-bucket")]
    [InlineData("bucket/key?versionId=3HL4kqtJlcpXroDTDmJ")]
    public void Refuses_sources_it_cannot_copy(string header) =>
        Assert.Equal("InvalidArgument", Assert.Throws<AwsServiceException>(() => ObjectOperations.ParseCopySource(header)).Code);
}
