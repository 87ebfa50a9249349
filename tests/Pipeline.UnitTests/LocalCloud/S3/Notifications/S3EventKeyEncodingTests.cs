using System.Net;
using Pipeline.LocalCloud.S3.Notifications;

namespace Pipeline.UnitTests.LocalCloud.S3.Notifications;

/// <summary>Keys in event records are form-encoded as S3 does: space as +, = as %3D, UTF-8 percent-encoded, / kept.</summary>
public sealed class S3EventKeyEncodingTests
{
    [Theory]
    [InlineData("HappyFace.jpg", "HappyFace.jpg")]
    [InlineData("red flower.jpg", "red+flower.jpg")]
    [InlineData("raw/clickstream/year=2026/month=01/part 1.json.gz", "raw/clickstream/year%3D2026/month%3D01/part+1.json.gz")]
    [InlineData("a+b.txt", "a%2Bb.txt")]
    [InlineData("données/é.json", "donn%C3%A9es/%C3%A9.json")]
    [InlineData("emoji-😀", "emoji-%F0%9F%98%80")]
    [InlineData("q?x&y#z%", "q%3Fx%26y%23z%25")]
    [InlineData("keep-_.*~", "keep-_.*%7E")]
    public void Keys_are_form_encoded_with_slashes_kept(string key, string expected) =>
        Assert.Equal(expected, S3EventKeyEncoder.Encode(key));

    [Theory]
    [InlineData("raw/vehicle_telemetry/year=2026/month=12/day=05/hour=13/my file=1 é+ü.json")]
    [InlineData("x/ /+/%20/=")]
    public void A_form_decoder_gives_back_the_original_key(string key) =>
        Assert.Equal(key, WebUtility.UrlDecode(S3EventKeyEncoder.Encode(key)));
}
