using Pipeline.LocalCloud.S3;

namespace Pipeline.UnitTests.LocalCloud.S3;

/// <summary>CreateBucket accepts exactly the names S3's general-purpose bucket rules allow.</summary>
public sealed class BucketNameRulesTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("pipeline-local-lake")]
    [InlineData("my.bucket.name")]
    [InlineData("0bucket9")]
    public void Accepts_valid_names(string name) => Assert.True(BucketNameRules.IsValid(name));

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper")]
    [InlineData("under_score")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("double..dot")]
    [InlineData("192.168.5.4")]
    [InlineData("xn--punycode")]
    [InlineData("bucket-s3alias")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("sixty-four-characters-is-one-too-many-for-s3-bucket-names-xxxxxx")]
    public void Refuses_invalid_names(string name) => Assert.False(BucketNameRules.IsValid(name));
}
