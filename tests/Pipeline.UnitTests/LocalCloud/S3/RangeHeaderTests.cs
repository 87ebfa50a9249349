using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.S3.Http;

namespace Pipeline.UnitTests.LocalCloud.S3;

/// <summary>Range headers select bytes as S3 does: clamp the end, ignore what S3 ignores, refuse what it refuses.</summary>
public sealed class RangeHeaderTests
{
    [Theory]
    [InlineData("bytes=0-4", 0, 4)]
    [InlineData("bytes=5-", 5, 10)]
    [InlineData("bytes=-3", 8, 10)]
    [InlineData("bytes=-50", 0, 10)]
    [InlineData("bytes=3-1000", 3, 10)]
    [InlineData("bytes=10-10", 10, 10)]
    public void Selects_bytes_of_an_11_byte_object(string header, long start, long end) =>
        Assert.Equal(new ByteRange(start, end), ByteRange.Parse(header, 11));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("items=0-1")]
    [InlineData("bytes=0-1,3-4")]
    [InlineData("bytes=5-2")]
    [InlineData("bytes=x-")]
    public void Serves_the_whole_object_for_headers_S3_ignores(string? header) => Assert.Null(ByteRange.Parse(header, 11));

    [Theory]
    [InlineData("bytes=11-", 11)]
    [InlineData("bytes=0-", 0)]
    [InlineData("bytes=-0", 11)]
    public void Refuses_unsatisfiable_ranges_with_InvalidRange(string header, long size)
    {
        var error = Assert.Throws<AwsServiceException>(() => ByteRange.Parse(header, size));

        Assert.Equal(("InvalidRange", 416), (error.Code, error.StatusCode));
    }
}
